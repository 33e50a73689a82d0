import { common } from "./common";
import { auth } from "./auth";
import { signing } from "./signing";
import { verification } from "./verification";
import { dashboard } from "./dashboard";
import { archive } from "./archive";
import { admin } from "./admin";

/** The Vietnamese catalogue; its shape is the type every other language must match key for key. */
export const vi = { common, auth, signing, verification, dashboard, archive, admin };
export type Messages = typeof vi;

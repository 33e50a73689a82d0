import type { Messages } from "../vi";
import { common } from "./common";
import { auth } from "./auth";
import { signing } from "./signing";
import { verification } from "./verification";
import { dashboard } from "./dashboard";
import { archive } from "./archive";
import { admin } from "./admin";

export const en: Messages = { common, auth, signing, verification, dashboard, archive, admin };

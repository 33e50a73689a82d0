import { common } from "./common";
import { auth } from "./auth";
import { signing } from "./signing";
import { verification } from "./verification";
import { dashboard } from "./dashboard";
import { archive } from "./archive";
import { admin } from "./admin";
import { issuance } from "./issuance";
import { bodies } from "./bodies";
import { delegation } from "./delegation";
import { closing } from "./closing";
import { timestamping } from "./timestamping";
import { longTerm } from "./long-term";
import { report } from "./report";
import { secondFactor } from "./second-factor";
import { webhooks } from "./webhooks";

/** The Vietnamese catalogue; its shape is the type every other language must match key for key. */
export const vi = { common, auth, signing, verification, dashboard, archive, admin, issuance, bodies, delegation, closing, timestamping, longTerm, report, secondFactor, webhooks };
export type Messages = typeof vi;

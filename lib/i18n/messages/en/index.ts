import type { Messages } from "../vi";
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

export const en: Messages = { common, auth, signing, verification, dashboard, archive, admin, issuance, bodies, delegation, closing, timestamping, longTerm, report, secondFactor, webhooks };

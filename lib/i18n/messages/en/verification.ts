import type { verification as vi } from "../vi/verification";

export const verification: typeof vi = {};

import type { archive as vi } from "../vi/archive";

export const archive: typeof vi = {};

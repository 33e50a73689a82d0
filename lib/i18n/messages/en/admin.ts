import type { admin as vi } from "../vi/admin";

export const admin: typeof vi = {};

import type { Role } from "@/lib/generated/prisma/enums";

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  UNIT_HEAD: "/cam-ket",
  CHAIRPERSON: "/theo-doi",
  ADMIN: "/quan-tri",
  AUDITOR: "/luu-tru",
  CLERK: "/van-thu",
  DEPUTY: "/cam-ket",
};

export const ROLES = ["ADMIN", "CHAIRPERSON", "UNIT_HEAD", "AUDITOR", "CLERK", "DEPUTY"] as const satisfies readonly Role[];

import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What a token may do, chosen when it is made: `read` (campaigns, status, PDFs, archives, reports — today's
 * API), `write-units` (sync units and people from HR), `write-campaigns` (create and launch), `issue` (fetch
 * issued documents and acknowledge their receipt, for the document-management system).
 */
export const API_SCOPES = ["read", "write-units", "write-campaigns", "issue"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Who may hold each scope: writing is Phòng Nội vụ's (ADMIN); reading is whoever may read the archive. */
export const SCOPE_ROLES: Record<ApiScope, readonly Role[]> = {
  read: ["ADMIN", "CHAIRPERSON", "AUDITOR"],
  "write-units": ["ADMIN"],
  "write-campaigns": ["ADMIN"],
  issue: ["ADMIN"],
};

export const scopesForRole = (role: Role): ApiScope[] => API_SCOPES.filter((scope) => SCOPE_ROLES[scope].includes(role));

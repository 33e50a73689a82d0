import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";

/** Who acted through the API, for the audit log: the token's owner and the client's user agent. */
export const apiAuditContext = (actor: Actor, request: Request): AuditContext => ({
  actorId: actor.id,
  actorEmail: actor.email,
  userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null,
});

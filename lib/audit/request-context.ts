import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/find-active-user";
import { clientIp } from "@/lib/auth/client-ip";
import type { AuditContext } from "./audit-types";

/** Who did it and from where, for the audit log: the actor plus the request's client address and browser. */
export async function auditContextFor(actor: Actor | null): Promise<AuditContext> {
  const h = await headers();
  return {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")),
    userAgent: h.get("user-agent")?.slice(0, 500) ?? null,
  };
}

import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "./audit-types";

/** Who did it and from where, for the audit log: the actor plus the request's client address and browser. */
export async function auditContextFor(actor: Actor | null): Promise<AuditContext> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    ip: forwarded || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent")?.slice(0, 500) ?? null,
  };
}

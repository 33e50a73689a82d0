import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalJson } from "./canonical-json";
import type { AuditEventInput } from "./audit-types";

export const GENESIS_HASH = "0".repeat(64);
// Any constant works: it names the one lock that orders appends to the chain.
const AUDIT_CHAIN_LOCK = 73_012_017;

/** The fields a hash covers, in the form anyone can recompute from an exported row. */
export function auditEventHash(prevHash: string, event: Required<Omit<AuditEventInput, "at">> & { at: Date }): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        prevHash,
        at: event.at.toISOString(),
        type: event.type,
        actorId: event.actorId,
        actorEmail: event.actorEmail,
        ip: event.ip,
        userAgent: event.userAgent,
        unitId: event.unitId,
        campaignId: event.campaignId,
        assignmentId: event.assignmentId,
        data: event.data,
      }),
    )
    .digest("hex");
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the event exists exactly when
 * the change it describes does. A transaction-scoped advisory lock orders concurrent appends.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<void> {
  // Two statements on purpose: under READ COMMITTED a statement's snapshot is taken when it starts, so a
  // read folded into the locking statement would miss an event committed while we waited for the lock.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: what PostgreSQL stores is exactly what was hashed.
  const event = {
    type: input.type,
    at: input.at ?? new Date(),
    actorId: input.actorId ?? null,
    actorEmail: input.actorEmail ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    unitId: input.unitId ?? null,
    campaignId: input.campaignId ?? null,
    assignmentId: input.assignmentId ?? null,
    data: input.data ?? {},
  };
  await tx.auditEvent.create({
    data: { ...event, data: event.data as Prisma.InputJsonValue, prevHash, hash: auditEventHash(prevHash, event) },
  });
}

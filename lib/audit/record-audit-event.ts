import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalJson } from "./canonical-json";
import type { AuditEventInput } from "./audit-types";

export const GENESIS_HASH = "0".repeat(64);

type StoredEvent = Required<Omit<AuditEventInput, "at">> & { at: Date };

/** The fields a hash covers, in the form anyone can recompute from an exported row. */
export function auditEventHash(prevHash: string, event: StoredEvent): string {
  return createHash("sha256").update(hashedFields(prevHash, event)).digest("hex");
}

function hashedFields(prevHash: string, event: StoredEvent): string {
  return canonicalJson({
    prevHash,
    ...withoutPrevHash(event),
  });
}

function withoutPrevHash(event: StoredEvent) {
  return {
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
  };
}

/**
 * The hashed text split around the previous hash: sha256(prefix + prevHash + suffix) = auditEventHash, so
 * SQL can finish the hash once it holds the chain's lock (lib/signatures/store-signatures). Split by key
 * order, never by searching for a marker, which a user agent could contain.
 */
export function auditHashTemplate(event: StoredEvent): { prefix: string; suffix: string } {
  const fields = Object.entries(withoutPrevHash(event));
  const before = canonicalJson(Object.fromEntries(fields.filter(([k]) => k < "prevHash"))).slice(0, -1);
  const after = canonicalJson(Object.fromEntries(fields.filter(([k]) => k > "prevHash"))).slice(1);
  return {
    prefix: `${before}${before === "{" ? "" : ","}"prevHash":"`,
    suffix: `"${after === "}" ? "" : ","}${after}`,
  };
}

/** An event as stored and hashed: absent fields null, the time now unless given. */
export function storedEvent(input: AuditEventInput): StoredEvent {
  return {
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
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the event exists exactly when
 * the change it describes does. camket_audit_chain_head() takes the transaction-scoped lock that orders
 * concurrent appends and reads the last hash with a snapshot taken after the lock (see its migration).
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<void> {
  const [{ prevHash }] = await tx.$queryRaw<{ prevHash: string }[]>`SELECT camket_audit_chain_head() AS "prevHash"`;
  // Millisecond precision: what PostgreSQL stores is exactly what was hashed.
  const event = storedEvent(input);
  await tx.auditEvent.create({
    data: { ...event, data: event.data as Prisma.InputJsonValue, prevHash, hash: auditEventHash(prevHash, event) },
  });
}

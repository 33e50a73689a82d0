import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { TimestampError, type SignatureTimestamper } from "@/lib/signing/timestamp";
import { currentTimestamper } from "./current-timestamper";

export interface TimestampAuditContext {
  actorId: string;
  actorEmail: string;
  assignmentId: string;
  unitId: string;
  campaignId: string;
}

/**
 * CAMKET_TSA_FALLBACK: what a signature does when the TSA fails — `refuse` (default: nothing is signed, the
 * signer is told to try again) or `b-b` (signed without trusted time, PAdES B-B). Either way it is audited.
 */
export function timestampFallback(): "refuse" | "b-b" {
  const value = process.env.CAMKET_TSA_FALLBACK || "refuse";
  if (value !== "refuse" && value !== "b-b") throw new Error(`CAMKET_TSA_FALLBACK must be "refuse" or "b-b", not "${value}"`);
  return value;
}

/**
 * The current TSA for one signature: a failure is recorded in the audit trail (TIMESTAMP_UNAVAILABLE, outside
 * the signature's transaction, which never starts) and then either refuses (TimestampError reaches the
 * pipeline, which tells the signer) or, configured so, lets the signature go on as B-B — never silently.
 */
export function signatureTimestamperFor(context: TimestampAuditContext): SignatureTimestamper {
  const tsa = currentTimestamper();
  const fallback = timestampFallback();
  return {
    tokenCapacity: tsa.tokenCapacity,
    async stamp(digest) {
      try {
        return await tsa.stamp(digest);
      } catch (error) {
        if (!(error instanceof TimestampError)) throw error;
        await prisma.$transaction((tx) =>
          recordAuditEvent(tx, { type: "TIMESTAMP_UNAVAILABLE", ...context, data: { tsa: tsa.label, reason: error.message, fallback: fallback === "b-b" } }),
        );
        if (fallback === "b-b") return null;
        throw error;
      }
    },
  };
}

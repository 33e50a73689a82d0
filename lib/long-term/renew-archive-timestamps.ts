import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getFile, putFile } from "@/lib/storage/file-store";
import { TimestampError } from "@/lib/signing/timestamp";
import { currentTimestamper } from "@/lib/timestamping/current-timestamper";
import { addLongTermData } from "./add-long-term-data";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A run renews at most this many files; the scheduler comes back for the rest. */
const BATCH = 50;

/**
 * CAMKET_ARCHIVE_RENEW_DAYS (default 180): how long before the last document timestamp's TSA certificate ends
 * its file is renewed. The built-in TSA renews its own certificate with a year left, so by then new stamps come
 * from a certificate with years ahead of it.
 */
export function archiveRenewDays(): number {
  const value = Number(process.env.CAMKET_ARCHIVE_RENEW_DAYS || 180);
  if (!Number.isInteger(value) || value < 1) throw new Error(`CAMKET_ARCHIVE_RENEW_DAYS must be a whole number of days, not "${process.env.CAMKET_ARCHIVE_RENEW_DAYS}"`);
  return value;
}

export interface RenewalRun {
  renewed: number;
  /** Another instance or a signature changed the file first: nothing stored here, the next run looks again. */
  lost: number;
  /** The TSA failed: nothing stored, the next run tries again. */
  failed: number;
}

/**
 * PAdES B-LTA renewal (ETSI EN 319 142-1 §5.5): for each archived file whose last document timestamp's TSA
 * certificate ends within `withinDays`, a new revision with that timestamp's validation data (DSS) and a new
 * document timestamp over everything — the same pipeline as a signature's. Stored by compare-and-set on the
 * assignment's current file and the unique (assignment, file before) of ArchiveTimestamp, so concurrent runs
 * on several instances renew a file once; each renewal is audited (ARCHIVE_TIMESTAMP_ADDED).
 */
export async function renewArchiveTimestamps(options: { now?: Date; withinDays?: number; limit?: number } = {}): Promise<RenewalRun & { more: boolean }> {
  const { now = new Date(), withinDays = archiveRenewDays(), limit = BATCH } = options;
  // Only a file still current is renewed (its last ArchiveTimestamp is the one naming it), and never one this run
  // (same `now`) made: a window longer than a TSA certificate's life would otherwise renew forever.
  const due = await prisma.$queryRaw<{ assignmentId: string; sha256: string; unitId: string; campaignId: string }[]>`
    SELECT t."assignmentId", t.sha256, a."unitId", a."campaignId"
    FROM "ArchiveTimestamp" t JOIN "Assignment" a ON a.id = t."assignmentId" AND a."documentSha256" = t.sha256
    WHERE t."tsaCertificateExpiresAt" <= ${new Date(now.getTime() + withinDays * DAY_MS).toISOString()}::timestamp(3)
      AND t."createdAt" < ${now.toISOString()}::timestamp(3)
    ORDER BY t."tsaCertificateExpiresAt" LIMIT ${limit}`;
  const run = { renewed: 0, lost: 0, failed: 0, more: due.length === limit };
  const timestamper = currentTimestamper();
  for (const row of due) {
    const pdf = await getFile(row.sha256);
    if (!pdf) continue;
    let renewed;
    try {
      // The last revision is the previous document timestamp: its TSA chain and OCSP go in the DSS first.
      renewed = await addLongTermData(pdf, { vouched: [], now, timestamper, archive: true });
    } catch (error) {
      if (!(error instanceof TimestampError)) throw error;
      console.error(`camket: gia hạn dấu thời gian lưu trữ cho ${row.assignmentId} chưa được (${timestamper.label}): ${error.message}`);
      run.failed++;
      continue;
    }
    const { bytes, archiveTimestamp } = renewed;
    if (!archiveTimestamp) continue;
    const stored = await prisma
      .$transaction(async (tx) => {
        const sha256 = await putFile(tx, bytes);
        const moved = await tx.assignment.updateMany({ where: { id: row.assignmentId, documentSha256: row.sha256 }, data: { documentSha256: sha256 } });
        if (moved.count !== 1) throw new LostRace();
        // The current version's row now names the renewed file, which is that version plus DSS and timestamp
        // revisions (every earlier byte kept); the chain of files stays in ArchiveTimestamp.
        await tx.assignmentDocument.updateMany({ where: { assignmentId: row.assignmentId, sha256: row.sha256 }, data: { sha256 } });
        await tx.archiveTimestamp.create({
          data: { assignmentId: row.assignmentId, sha256Before: row.sha256, sha256, tsaCertificateExpiresAt: archiveTimestamp.tsaCertificateExpiresAt, reason: "RENEWED", createdAt: now },
        });
        await recordAuditEvent(tx, {
          type: "ARCHIVE_TIMESTAMP_ADDED",
          at: now,
          assignmentId: row.assignmentId,
          unitId: row.unitId,
          campaignId: row.campaignId,
          data: { sha256Before: row.sha256, sha256After: sha256, tsa: timestamper.label, tsaCertificateExpiresAt: archiveTimestamp.tsaCertificateExpiresAt.toISOString() },
        });
        return true;
      })
      .catch((error: unknown) => {
        // A unique violation: another instance stored this renewal first.
        if (error instanceof LostRace || (error as { code?: string }).code === "P2002") return false;
        throw error;
      });
    if (stored) run.renewed++;
    else run.lost++;
  }
  return run;
}

class LostRace extends Error {}

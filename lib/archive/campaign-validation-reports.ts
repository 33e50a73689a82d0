import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { checkAuditChain } from "@/lib/audit/verify-audit-chain";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { getFile, sha256Hex } from "@/lib/storage/file-store";
import { StoredFileMissingError } from "@/lib/storage/stored-file-errors";
import { buildValidationReport } from "@/lib/validation-report/build-validation-report";
import { reportFileName } from "@/lib/validation-report/report-sections";

type Unit = {
  assignmentId: string;
  unit: string;
  issuance: { number: number; issuedAt: string | null } | null;
  versions: { kind: DocumentKind; file: string; sha256: string }[];
};

export type ArchivedReport = { assignmentId: string; file: string; bytes: Uint8Array; sha256: string };

// Each report reads, verifies and renders one PDF (~100–300 ms, mostly CPU): a few at once overlap the
// database and disk waits without starving the server's other requests.
const CONCURRENCY = 3;

/**
 * The validation report of each signed unit's current version, for the campaign ZIP (bao-cao/…): made before
 * the first byte, because the ZIP announces its exact size. The audit chain is walked once for all of them.
 */
export async function campaignValidationReports(actor: Actor, campaignName: string, units: Unit[], now: Date): Promise<ArchivedReport[]> {
  const signed = units.filter((u) => u.versions.some((v) => v.kind !== "ORIGINAL"));
  if (signed.length === 0) return [];
  const chain = await checkAuditChain(prisma, null);
  const reports: ArchivedReport[] = new Array(signed.length);
  let next = 0;
  async function worker() {
    for (let i = next++; i < signed.length; i = next++) {
      const unit = signed[i]!;
      const current = unit.versions.at(-1)!;
      const bytes = await getFile(current.sha256);
      if (!bytes) throw new StoredFileMissingError(current.sha256);
      const fileName = current.file.slice("pdf/".length);
      const outgoing = unit.issuance?.issuedAt ? { number: unit.issuance.number, issuedAt: new Date(unit.issuance.issuedAt) } : null;
      const subject = { assignmentId: unit.assignmentId, campaignName, unitName: unit.unit, outgoing, document: { bytes, sha256: current.sha256, fileName, kind: current.kind } };
      const report = await buildValidationReport(actor, subject, chain, now);
      reports[i] = { assignmentId: unit.assignmentId, file: `bao-cao/${reportFileName(fileName)}`, bytes: report, sha256: sha256Hex(report) };
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, signed.length) }, worker));
  return reports;
}

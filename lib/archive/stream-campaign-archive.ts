import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { AUDIT_EVENT_LABELS } from "@/lib/audit/audit-event-labels";
import type { AuditEventType } from "@/lib/audit/audit-types";
import { documentFileName } from "@/lib/assignments/document-file-name";
import { vi } from "@/lib/i18n/messages/vi";
import { readCityCaCertificate } from "@/lib/signatures/read-city-ca-certificate";
import { getFile, sha256Hex, streamStoredFile } from "@/lib/storage/file-store";
import { StoredFileMissingError } from "@/lib/storage/stored-file-errors";
import type { AssignmentStatus, DocumentKind, UnitKind } from "@/lib/generated/prisma/enums";
import { slugify } from "@/lib/units/slugify";
import { registerNumber } from "@/lib/issuance/register-number";
import { listCampaignRegister } from "@/lib/issuance/list-register";
import { registerCsv } from "@/lib/issuance/register-export";
import { canUseArchive } from "./archive-access";
import { campaignValidationReports } from "./campaign-validation-reports";
import { verificationGuide } from "./verification-guide";
import { utf8Length, zipSize, zipStream, type ZipEntry } from "./zip-stream";

export const ARCHIVE_FORMAT = "camket-archive/1";
const REGISTER_FILE = "so-van-ban-di.csv";
const READ_AHEAD = 8;
const SMALL_FILE = 1024 * 1024;

/** One stored version of one assignment, with its assignment and unit (times as ISO strings): the archive's rows come in one join. */
type VersionRow = {
  assignmentId: string;
  revision: number;
  headName: string;
  headTitle: string;
  status: AssignmentStatus;
  issuedAt: string;
  firstViewedAt: string | null;
  signedAt: string | null;
  countersignedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  currentSha256: string;
  unitName: string;
  unitKind: UnitKind;
  unitCode: string | null;
  unitSlug: string;
  documentKind: DocumentKind | null;
  sha256: string | null;
  storedAt: string | null;
  documentSignedAt: string | null;
  size: number | null;
  crc32: number | null;
  inRow: boolean | null;
  /** The register entry once the clerk issued it (Decree 30: number, code, issuance date, issuing body). */
  registerNumber: number | null;
  registerCode: string | null;
  registeredAt: string | null;
  issuingBody: string | null;
};

/**
 * The whole signed record of one campaign as a streamed ZIP an auditor can check without camket:
 * manifest.json, every stored PDF version, each signed unit's validation report, the register entries (so-van-ban-di.csv), the campaign's audit events, the city CA, SHA256SUMS and a
 * how-to. The export itself is audited first, so the archive contains its own ARCHIVE_EXPORTED event.
 * Labels are Vietnamese whatever the exporter's screen language: the archive is the official record.
 * AUDITOR, CHAIRPERSON, ADMIN; null when not allowed or no such launched campaign.
 */
export async function streamCampaignArchive(actor: Actor | null, campaignId: string, context: AuditContext = {}) {
  if (!canUseArchive(actor) || !z.uuid().safeParse(campaignId).success) return null;
  // Everything before the first byte waits on the database: these three at once.
  const [campaign, rows, ca, register] = await Promise.all([
    prisma.campaign.findFirst({
      where: { id: campaignId, status: { not: "DRAFT" } },
      include: { templateVersion: { select: { version: true, contentHash: true, publishedAt: true } } },
    }),
    campaignVersions(campaignId),
    readCityCaCertificate(),
    listCampaignRegister(campaignId),
  ]);
  if (!campaign) return null;
  const exportedAt = new Date();
  const fileName = `luu-tru-${slugify(campaign.name).slice(0, 60)}-${exportedAt.toISOString().slice(0, 10)}.zip`;
  const assignments = groupByAssignment(rows);
  const documentCount = rows.filter((r) => r.sha256 !== null).length;
  // The export is recorded, then the campaign's log (which holds that event) read, while the manifest is built.
  const auditLogText = prisma
    .$transaction((tx) => recordAuditEvent(tx, { ...context, type: "ARCHIVE_EXPORTED", campaignId, data: { fileName, documents: documentCount } }))
    .then(() => campaignAuditLog(campaignId));
  auditLogText.catch(() => {}); // awaited below; this only keeps a failure from being "unhandled" meanwhile

  const units = assignments.map(([a, documents]) => ({
    assignmentId: a.assignmentId,
    unit: a.unitName,
    unitCode: a.unitCode,
    kind: a.unitKind,
    kindLabel: vi.common.unitKinds[a.unitKind],
    revision: a.revision,
    head: a.headName,
    headTitle: a.headTitle,
    status: a.status,
    statusLabel: vi.common.assignmentStatus[a.status],
    issuedAt: a.issuedAt,
    firstViewedAt: a.firstViewedAt,
    signedAt: a.signedAt,
    countersignedAt: a.countersignedAt,
    declinedAt: a.declinedAt,
    declineReason: a.declineReason,
    currentSha256: a.currentSha256,
    issuance:
      a.registerNumber === null || a.registerCode === null
        ? null
        : { numberAndCode: registerNumber(a.registerNumber, a.registerCode), number: a.registerNumber, code: a.registerCode, issuedAt: a.registeredAt, issuingBody: a.issuingBody },
    versions: documents.map((d) => ({
      kind: d.documentKind!,
      kindLabel: vi.common.documentKinds[d.documentKind!],
      file: `pdf/${documentFileName(a.unitSlug, d.documentKind!, a.revision)}`,
      sha256: d.sha256!,
      size: d.size!,
      storedAt: d.storedAt!,
      signedAt: d.documentSignedAt,
    })),
  }));
  const reports = await campaignValidationReports(actor, campaign.name, units, exportedAt);
  const reportOf = new Map(reports.map((r) => [r.assignmentId, { file: r.file, sha256: r.sha256, size: r.bytes.byteLength }]));
  // Not in the manifest: how each file is read (CRC from the row and a stream from the store, or a legacy row's bytes).
  const stored = new Map(rows.flatMap((r) => (r.sha256 ? [[r.sha256, { crc32: r.crc32, inRow: r.inRow === true }] as const] : [])));
  const manifest = {
    format: ARCHIVE_FORMAT,
    exportedAt,
    exportedBy: actor.email,
    timesAre: "UTC, ISO 8601",
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      deadline: campaign.deadline,
      documentDate: campaign.documentDate,
      launchedAt: campaign.launchedAt,
    },
    template: {
      version: campaign.templateVersion.version,
      contentSha256: campaign.templateVersion.contentHash,
      publishedAt: campaign.templateVersion.publishedAt,
    },
    cityCa: { file: "city-ca.pem", subject: ca.subject, sha256Fingerprint: ca.sha256Fingerprint },
    // Sổ văn bản đi: this campaign's entries of its issuing bodies' registers (Decree 30 Art. 15).
    register: { file: REGISTER_FILE, entries: register.length },
    // Each signed unit's validation report (BÁO CÁO XÁC MINH CHỮ KÝ SỐ) of its current version, or null.
    units: units.map((unit) => ({ ...unit, validationReport: reportOf.get(unit.assignmentId) ?? null })),
  };

  type TextEntry = { name: string; bytes: Uint8Array; mtime: Date };
  const text = (name: string, content: string): TextEntry => ({ name, bytes: Buffer.from(content, "utf8"), mtime: exportedAt });
  // Everything but the PDFs is made up front (the export event is already recorded, so the log holds it):
  // with the PDFs' stored sizes that gives the archive's exact length before the first byte.
  const guide = text("HUONG-DAN-KIEM-TRA.txt", verificationGuide(campaign.name, ca.sha256Fingerprint));
  const caPem = text("city-ca.pem", ca.certPem);
  const manifestEntry = text("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  const registerEntry = text(REGISTER_FILE, registerCsv(register, vi));
  const auditLog = text("audit-log.jsonl", await auditLogText);
  const versions = units.flatMap((unit) => unit.versions);
  const summed = [guide, caPem, manifestEntry, registerEntry, auditLog]
    .map((e) => ({ name: e.name, size: e.bytes.byteLength }))
    .concat(versions.map((v) => ({ name: v.file, size: v.size })))
    .concat(reports.map((r) => ({ name: r.file, size: r.bytes.byteLength })));
  // SHA256SUMS has one "<64 hex>  <name>\n" line per file above.
  const sumsSize = summed.reduce((n, e) => n + 64 + 2 + utf8Length(e.name) + 1, 0);
  const size = zipSize([...summed, { name: "SHA256SUMS", size: sumsSize }]);

  async function* entries(): AsyncGenerator<ZipEntry> {
    const sums: string[] = [];
    const line = (sha256: string, name: string) => sums.push(`${sha256}  ${name}`);
    for (const entry of [guide, caPem, manifestEntry, registerEntry]) {
      line(sha256Hex(entry.bytes), entry.name);
      yield entry;
    }
    // Small files (signed PDFs are ~50–150 KB) are read a few ahead, so the disk and the hashing of the next
    // ones overlap the writing of this one: at most READ_AHEAD files, each ≤ SMALL_FILE, whatever the campaign's
    // size. Larger ones are streamed when their turn comes. Every read is checked against the SHA-256 (the key),
    // so a corrupted file fails the download and SHA256SUMS needs no second read.
    const reads = new Map<number, Promise<Uint8Array | null>>();
    let scheduled = 0;
    for (let i = 0; i < versions.length; i++) {
      for (; scheduled < versions.length && scheduled < i + READ_AHEAD; scheduled++) {
        if (versions[scheduled]!.size > SMALL_FILE) continue;
        const read = getFile(versions[scheduled]!.sha256);
        read.catch(() => {}); // awaited in its turn; not "unhandled" while it waits
        reads.set(scheduled, read);
      }
      const version = versions[i]!;
      const mtime = new Date(version.storedAt);
      line(version.sha256, version.file);
      const file = stored.get(version.sha256)!;
      const read = reads.get(i);
      reads.delete(i);
      if (read || file.crc32 === null || file.inRow) {
        // A legacy row not yet moved out (npm run storage:move-out) has its bytes in the row and maybe no CRC yet.
        const bytes = await (read ?? getFile(version.sha256));
        if (!bytes) throw new StoredFileMissingError(version.sha256);
        if (file.crc32 === null) yield { name: version.file, bytes, mtime };
        else yield { name: version.file, mtime, size: version.size, crc32: file.crc32, open: async () => [bytes] };
        continue;
      }
      yield {
        name: version.file,
        mtime,
        size: version.size,
        crc32: file.crc32,
        open: async () => {
          const chunks = await streamStoredFile(version.sha256, version.size);
          if (!chunks) throw new StoredFileMissingError(version.sha256);
          return chunks;
        },
      };
    }
    for (const report of reports) {
      line(report.sha256, report.file);
      yield { name: report.file, bytes: report.bytes, mtime: exportedAt };
    }
    line(sha256Hex(auditLog.bytes), auditLog.name);
    yield auditLog;
    yield text("SHA256SUMS", `${sums.join("\n")}\n`);
  }
  return { fileName, documentCount, size, stream: zipStream(entries()) };
}

const VERSIONS_SQL = `
  SELECT coalesce(json_agg(json_build_array(
           a.id, a.revision, a."headName", a."headTitle", a.status, a."createdAt", a."firstViewedAt", a."signedAt", a."countersignedAt", a."declinedAt",
           a."declineReason", a."documentSha256", u.name, u.kind, u.code, u.slug, d.kind, d.sha256, d."createdAt", d."signedAt",
           f.size, f.crc32, f.bytes IS NOT NULL, o.number, o.code, o."issuedAt", b.name)
         ORDER BY u."sortOrder", a.revision, a.id COLLATE "C", d."createdAt", d.id COLLATE "C"), '[]')::text AS json
  FROM "Assignment" a
  JOIN "Unit" u ON u.id = a."unitId"
  LEFT JOIN "AssignmentDocument" d ON d."assignmentId" = a.id
  LEFT JOIN "StoredFile" f ON f.sha256 = d.sha256
  LEFT JOIN "OutgoingDocument" o ON o."assignmentId" = a.id
  LEFT JOIN "IssuingBody" b ON b.id = o."issuingBodyId"
  WHERE a."campaignId" = $1`;

/**
 * Every stored version of the campaign's assignments in one query: assignment, unit and file (size, CRC, whether
 * the bytes are still in the row) joined, in the archive's order — units as the city lists them, revisions, then
 * versions as stored. An assignment without documents still has its row (document columns null). PostgreSQL
 * builds the rows as JSON arrays that cross as one text value: at 5,000 rows, converting each value of each row
 * on the client was most of the time before the first byte. Times come as PostgreSQL writes a `timestamp(3)`
 * (UTC, as Prisma stores DateTime) and leave as ISO 8601 with Z, as Date.toJSON writes them.
 */
async function campaignVersions(campaignId: string): Promise<VersionRow[]> {
  const [{ json }] = await prisma.$queryRawUnsafe<{ json: string }[]>(VERSIONS_SQL, campaignId);
  // PostgreSQL writes a timestamp(3) as "2026-12-04T05:44:24.819", or shorter when the milliseconds end in zeros.
  const iso = (time: string | null) => (time === null ? null : time.length === 23 ? `${time}Z` : new Date(`${time}Z`).toISOString());
  type Values = [string, number, string, string, AssignmentStatus, string, string | null, string | null, string | null, string | null,
    string | null, string, string, UnitKind, string | null, string, DocumentKind | null, string | null, string | null, string | null,
    number | null, number | null, boolean | null, number | null, string | null, string | null, string | null];
  return (JSON.parse(json) as Values[]).map((v) => ({
    assignmentId: v[0], revision: v[1], headName: v[2], headTitle: v[3], status: v[4], issuedAt: iso(v[5])!, firstViewedAt: iso(v[6]),
    signedAt: iso(v[7]), countersignedAt: iso(v[8]), declinedAt: iso(v[9]), declineReason: v[10], currentSha256: v[11], unitName: v[12],
    unitKind: v[13], unitCode: v[14], unitSlug: v[15], documentKind: v[16], sha256: v[17], storedAt: iso(v[18]), documentSignedAt: iso(v[19]),
    size: v[20], crc32: v[21], inRow: v[22], registerNumber: v[23], registerCode: v[24], registeredAt: iso(v[25]), issuingBody: v[26],
  }));
}

/** The join's rows grouped back into assignments (rows arrive ordered, an assignment's rows together). */
function groupByAssignment(rows: readonly VersionRow[]): [VersionRow, VersionRow[]][] {
  const groups: [VersionRow, VersionRow[]][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    const group = last && last[0].assignmentId === row.assignmentId ? last : (groups.push([row, []]), groups.at(-1)!);
    if (row.sha256 !== null) group[1].push(row);
  }
  return groups;
}

/** The campaign's audit events, one JSON object a line, with the fields their hash covers. */
async function campaignAuditLog(campaignId: string): Promise<string> {
  const events = await prisma.auditEvent.findMany({ where: { campaignId }, orderBy: { id: "asc" } });
  return events
    .map((e) => JSON.stringify({ ...e, id: String(e.id), label: AUDIT_EVENT_LABELS[e.type as AuditEventType] ?? e.type }))
    .map((line) => `${line}\n`)
    .join("");
}

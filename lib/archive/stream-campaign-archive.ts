import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { AUDIT_EVENT_LABELS } from "@/lib/audit/audit-event-labels";
import type { AuditEventType } from "@/lib/audit/audit-types";
import { documentFileName } from "@/lib/assignments/document-file-name";
import { vi } from "@/lib/i18n/messages/vi";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { getFiles, sha256Hex } from "@/lib/storage/file-store";
import { slugify } from "@/lib/units/slugify";
import { canUseArchive } from "./archive-access";
import { verificationGuide } from "./verification-guide";
import { utf8Length, zipSize, zipStream, type ZipEntry } from "./zip-stream";

export const ARCHIVE_FORMAT = "camket-archive/1";
const FILES_PER_READ = 16;

/**
 * The whole signed record of one campaign as a streamed ZIP an auditor can check without camket:
 * manifest.json, every stored PDF version, the campaign's audit events, the city CA, SHA256SUMS and a
 * how-to. The export itself is audited first, so the archive contains its own ARCHIVE_EXPORTED event.
 * Labels are Vietnamese whatever the exporter's screen language: the archive is the official record.
 * AUDITOR, CHAIRPERSON, ADMIN; null when not allowed or no such launched campaign.
 */
export async function streamCampaignArchive(actor: Actor | null, campaignId: string, context: AuditContext = {}) {
  if (!canUseArchive(actor) || !z.uuid().safeParse(campaignId).success) return null;
  const campaign = await prisma.campaign.findFirst({
    where: { id: campaignId, status: { not: "DRAFT" } },
    include: {
      templateVersion: { select: { version: true, contentHash: true, publishedAt: true } },
      assignments: {
        orderBy: [{ unit: { sortOrder: "asc" } }, { revision: "asc" }],
        include: {
          unit: { select: { name: true, kind: true, code: true, slug: true } },
          documents: { orderBy: { createdAt: "asc" }, include: { file: { select: { size: true } } } },
        },
      },
    },
  });
  if (!campaign) return null;
  const ca = await getCityCa();
  const exportedAt = new Date();
  const fileName = `luu-tru-${slugify(campaign.name).slice(0, 60)}-${exportedAt.toISOString().slice(0, 10)}.zip`;
  const documentCount = campaign.assignments.reduce((n, a) => n + a.documents.length, 0);
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, { ...context, type: "ARCHIVE_EXPORTED", campaignId, data: { fileName, documents: documentCount } }),
  );

  const units = campaign.assignments.map((a) => ({
    assignmentId: a.id,
    unit: a.unit.name,
    unitCode: a.unit.code,
    kind: a.unit.kind,
    kindLabel: vi.common.unitKinds[a.unit.kind],
    revision: a.revision,
    head: a.headName,
    headTitle: a.headTitle,
    status: a.status,
    statusLabel: vi.common.assignmentStatus[a.status],
    issuedAt: a.createdAt,
    firstViewedAt: a.firstViewedAt,
    signedAt: a.signedAt,
    countersignedAt: a.countersignedAt,
    declinedAt: a.declinedAt,
    declineReason: a.declineReason,
    currentSha256: a.documentSha256,
    versions: a.documents.map((d) => ({
      kind: d.kind,
      kindLabel: vi.common.documentKinds[d.kind],
      file: `pdf/${documentFileName(a.unit.slug, d.kind, a.revision)}`,
      sha256: d.sha256,
      size: d.file.size,
      storedAt: d.createdAt,
      signedAt: d.signedAt,
    })),
  }));
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
    units,
  };

  const text = (name: string, content: string): ZipEntry => ({ name, bytes: new TextEncoder().encode(content), mtime: exportedAt });
  // Everything but the PDFs is made up front (the export event is already recorded, so the log holds it):
  // with the PDFs' stored sizes that gives the archive's exact length before the first byte.
  const guide = text("HUONG-DAN-KIEM-TRA.txt", verificationGuide(campaign.name, ca.sha256Fingerprint));
  const caPem = text("city-ca.pem", ca.certPem);
  const manifestEntry = text("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  const auditLog = text("audit-log.jsonl", await campaignAuditLog(campaignId));
  const versions = units.flatMap((unit) => unit.versions);
  const summed = [guide, caPem, manifestEntry, auditLog]
    .map((e) => ({ name: e.name, size: e.bytes.byteLength }))
    .concat(versions.map((v) => ({ name: v.file, size: v.size })));
  // SHA256SUMS has one "<64 hex>  <name>\n" line per file above.
  const sumsSize = summed.reduce((n, e) => n + 64 + 2 + utf8Length(e.name) + 1, 0);
  const size = zipSize([...summed, { name: "SHA256SUMS", size: sumsSize }]);

  async function* entries(): AsyncGenerator<ZipEntry> {
    const sums: string[] = [];
    const withSum = (entry: ZipEntry, sha256 = sha256Hex(entry.bytes)) => (sums.push(`${sha256}  ${entry.name}`), entry);
    yield withSum(guide);
    yield withSum(caPem);
    yield withSum(manifestEntry);
    // Read in batches, the next batch while this one is zipped: one query per file was most of the time.
    // A batch is ~2 MB, so memory stays flat whatever the campaign's size.
    const batchOf = (start: number) => getFiles(versions.slice(start, start + FILES_PER_READ).map((v) => v.sha256));
    let next = batchOf(0);
    for (let start = 0; start < versions.length; start += FILES_PER_READ) {
      const batch = await next;
      next = batchOf(start + FILES_PER_READ);
      for (const version of versions.slice(start, start + FILES_PER_READ)) {
        const bytes = batch.get(version.sha256);
        if (!bytes) throw new Error(`Thiếu tệp ${version.sha256} trong kho lưu trữ`);
        // Content-addressed storage: the key is the SHA-256, so a corrupted file fails `sha256sum -c`.
        yield withSum({ name: version.file, bytes, mtime: version.storedAt }, version.sha256);
      }
    }
    yield withSum(auditLog);
    yield text("SHA256SUMS", `${sums.join("\n")}\n`);
  }
  return { fileName, documentCount, size, stream: zipStream(entries()) };
}

/** The campaign's audit events, one JSON object a line, with the fields their hash covers. */
async function campaignAuditLog(campaignId: string): Promise<string> {
  const events = await prisma.auditEvent.findMany({ where: { campaignId }, orderBy: { id: "asc" } });
  return events
    .map((e) => JSON.stringify({ ...e, id: String(e.id), label: AUDIT_EVENT_LABELS[e.type as AuditEventType] ?? e.type }))
    .map((line) => `${line}\n`)
    .join("");
}

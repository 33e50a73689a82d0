import "reflect-metadata";
import { describe, expect, it } from "vitest";
import path from "node:path";
import { writeFile } from "node:fs/promises";
import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { getFile } from "@/lib/storage/file-store";
import { extractSignatureCms, readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { signedRangesContent } from "@/lib/signing/pdf-signature-placeholder";
import { vriKeyOf } from "@/lib/signing/vri-key";
import { qpdfCheck, run, tempDir } from "@/lib/signing/testing/external-tools";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";
import { renewArchiveTimestamps } from "./renew-archive-timestamps";

const YEAR_DAYS = 365;

async function completedAssignment() {
  const [head] = (await launchTestCampaign(1)).heads;
  expect(await signAsHead(head!)).toMatchObject({ ok: true });
  const chair = await createActor("CHAIRPERSON");
  const { grant } = await startCountersigning(chair, "MatKhau@123");
  expect(await countersignAssignment(chair, { assignmentId: head!.assignment.id, grant: grant!, signatureImage: signatureDataUrl() })).toMatchObject({ ok: true });
  return head!.assignment.id;
}

// PAdES B-LTA renewal (issue 15 item 4): before the last document timestamp's TSA certificate ends, a DSS with
// its validation data and a new document timestamp over everything — once, however many instances run it.
describe("renewing archive timestamps", () => {
  it("adds the last timestamp's validation data and a new document timestamp, stored and audited once, even with two runs at the same time", async () => {
    const assignmentId = await completedAssignment();
    const before = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    // The built-in TSA's certificate has years left: not due within 30 days.
    await renewArchiveTimestamps({ withinDays: 30 });
    expect(await prisma.archiveTimestamp.count({ where: { assignmentId } })).toBe(1);

    // Other tests' completed documents share the database: a limit above them all, so this one is in the batch.
    const everything = { now: new Date(), withinDays: 7 * YEAR_DAYS, limit: 100_000 };
    const runs = await Promise.all([renewArchiveTimestamps(everything), renewArchiveTimestamps(everything)]);
    expect(runs.reduce((sum, r) => sum + r.renewed, 0)).toBeGreaterThanOrEqual(1);
    expect(runs.reduce((sum, r) => sum + r.lost, 0)).toBeGreaterThanOrEqual(1);
    const after = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(after.documentSha256).not.toBe(before.documentSha256);
    const chain = await prisma.archiveTimestamp.findMany({ where: { assignmentId }, orderBy: { createdAt: "asc" } });
    expect(chain.map((t) => [t.reason, t.sha256Before === before.documentSha256 || t.reason === "COMPLETED", t.sha256])).toEqual([
      ["COMPLETED", true, before.documentSha256],
      ["RENEWED", true, after.documentSha256],
    ]);
    const events = await prisma.auditEvent.findMany({ where: { assignmentId, type: "ARCHIVE_TIMESTAMP_ADDED" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ sha256Before: before.documentSha256, sha256After: after.documentSha256 });
    // The download serves the renewed file: the current version's row names it.
    const latest = await prisma.assignmentDocument.findFirstOrThrow({ where: { assignmentId }, orderBy: { createdAt: "desc" } });
    expect(latest.sha256).toBe(after.documentSha256);

    const old = (await getFile(before.documentSha256))!;
    const pdf = (await getFile(after.documentSha256))!;
    // An incremental update: every byte of the completed file is still there, first.
    expect(Buffer.compare(pdf.subarray(0, old.length), old)).toBe(0);
    const infos = await readPdfSignatures(pdf);
    expect(infos.map((i) => i.kind)).toEqual(["signature", "signature", "document-timestamp", "document-timestamp"]);
    // The first document timestamp now has its own validation data in the DSS (VRI), added before the second.
    const firstStamp = infos[2]!;
    expect(firstStamp.inDss).toBe(true);
    expect(firstStamp.dss?.vriKeys.has(vriKeyOf(pdf, firstStamp.byteRange))).toBe(true);

    const dir = await tempDir();
    const ca = await getCityCa();
    await writeFile(path.join(dir, "ca.pem"), ca.certPem);
    await writeFile(path.join(dir, "renewed.pdf"), pdf);
    expect((await qpdfCheck(path.join(dir, "renewed.pdf"))).output).toContain("No syntax or stream encoding errors found");
    const newest = infos[3]!;
    await writeFile(path.join(dir, "stamp.tsr"), extractSignatureCms(pdf, newest.byteRange));
    await writeFile(path.join(dir, "ranges.bin"), signedRangesContent(pdf, newest.byteRange));
    const verified = await run("openssl", ["ts", "-verify", "-data", path.join(dir, "ranges.bin"), "-in", path.join(dir, "stamp.tsr"), "-token_in", "-CAfile", path.join(dir, "ca.pem")]);
    expect(verified.output).toContain("Verification: OK");

    const report = await verifyUploadedPdf(await createActor("AUDITOR"), pdf, "gia-han.pdf");
    expect(report.ok && report.verdict).toBe("valid");
    expect(report.ok && report.signatures.map((s) => [s.kind, s.valid, s.level])).toEqual([
      ["signature", true, "B-LTA"],
      ["signature", true, "B-LTA"],
      ["document-timestamp", true, null],
      ["document-timestamp", true, null],
    ]);
  });

  it("leaves a file that changed meanwhile alone", async () => {
    const assignmentId = await completedAssignment();
    // Another version became current (as an issuance would make): the completion's timestamp is no longer the last.
    await prisma.assignment.update({ where: { id: assignmentId }, data: { documentSha256: "0".repeat(64) } });
    await renewArchiveTimestamps({ withinDays: 7 * YEAR_DAYS, limit: 100_000 });
    expect(await prisma.archiveTimestamp.count({ where: { assignmentId } })).toBe(1);
  });
});

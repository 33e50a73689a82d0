import { mkdir, writeFile, copyFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { createTrustingNssDb, qpdfCheck, run, runPdfsig } from "@/lib/signing/testing/external-tools";
import { getFile, writeBlob } from "@/lib/storage/file-store";
import { pdfFonts, writeTemp } from "@/lib/test/pdf-tools";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { issueAssignments } from "./issue-assignments";
import { issuanceFixture } from "./testing/issuance-fixture";

let nssDb: string;
beforeAll(async () => {
  nssDb = await createTrustingNssDb((await getCityCa()).certPem);
});

const year = () => Number(vietnamToday().slice(0, 4));
const layoutText = async (file: string, page?: number) =>
  (await run("pdftotext", ["-layout", "-enc", "UTF-8", ...(page ? ["-f", `${page}`, "-l", `${page}`] : []), file, "-"])).output;

describe("issuing a document (Decree 30: number, date, organisation signature with the seal)", () => {
  it("adds a third signature (the body's, with the seal, number and date) that pdfsig, pdftotext, pdfimages and qpdf accept; the first two stay valid", async () => {
    const { clerk, body, ids, heads, chair } = await issuanceFixture(1);
    const [id] = ids;
    const result = await issueAssignments(clerk, { assignmentIds: [id] });
    expect(result).toMatchObject({ ok: true, issued: 1 });
    expect(result.message).toContain("Số: 01/CK-UBND");

    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id } });
    expect(assignment.status).toBe("ISSUED");
    expect(assignment.issuedAt).not.toBeNull();
    const bytes = (await getFile(assignment.documentSha256))!;
    const file = writeTemp(bytes, "issued.pdf");

    const report = await runPdfsig(file, nssDb);
    // The completion's and the issuance's document timestamps (B-LTA) follow the chairperson's and the body's.
    expect(report.signatures.map((s) => s.documentTimestamp)).toEqual([false, false, true, false, true]);
    const signatures = report.signatures.filter((s) => !s.documentTimestamp);
    expect(signatures.map((s) => [s.fieldName, s.commonName, s.validation, s.certificateValidation])).toEqual([
      ["NguoiCamKet", heads[0].user.fullName, "Signature is Valid.", "Certificate is Trusted."],
      ["ChuTichXacNhan", chair.fullName, "Signature is Valid.", "Certificate is Trusted."],
      ["CoQuanBanHanh", body.name, "Signature is Valid.", "Certificate is Trusted."],
    ]);
    expect(report.signatures.at(-1)!.totalDocumentSigned).toBe(true);

    // Our own verifier: three good signatures, nothing disallowed added after the first two.
    const verified = await verifyUploadedPdf(clerk, bytes);
    expect(verified).toMatchObject({ ok: true, verdict: "valid" });
    if (verified.ok) expect(verified.signatures.map((s) => [s.kind, s.valid, s.changedAfter])).toEqual([
      ["signature", true, []],
      ["signature", true, []],
      ["document-timestamp", true, []],
      ["signature", true, []],
      ["document-timestamp", true, []],
    ]);

    const text = await layoutText(file, 1);
    expect(text).toMatch(/Số: 01\/CK-UBND/);
    const issuedOn = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(assignment.issuedAt!).split("/");
    expect(text).toContain(`Phan Thiết, ngày ${issuedOn[0]} tháng ${issuedOn[1]} năm ${issuedOn[2]}`);

    const pages = Number(/Pages:\s+(\d+)/.exec((await run("pdfinfo", [file])).output)?.[1]);
    // The seal's small print (App. I ô 8): the organisation and the signing time in ISO 8601, Việt Nam time.
    const iso = new Date(assignment.issuedAt!.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
    expect((await layoutText(file, pages)).replace(/\s+/g, " ")).toContain(`${iso}+07:00`);
    const images = (await run("pdfimages", ["-list", "-f", `${pages}`, "-l", `${pages}`, file])).output;
    // The seal: 400×400 px RGB with its alpha as an smask, on the last page (besides the two signature images).
    expect(images).toMatch(/^\s*\d+\s+\d+\s+image\s+400\s+400\s+rgb/m);
    expect(images).toMatch(/^\s*\d+\s+\d+\s+smask\s+400\s+400\s+gray/m);
    expect((await qpdfCheck(file)).output).toContain("No syntax or stream encoding errors found");
    // The date (ô 4) is italic (App. I §II.4): the stamp's own Tinos-Italic subset, besides the body text's.
    expect(pdfFonts(file).match(/\+Tinos-Italic/g)).toHaveLength(2);

    // For a human look (CI keeps artifacts/): the signature area of the last page.
    for (const dir of ["artifacts", "test-results"]) await mkdir(dir, { recursive: true });
    const original = await prisma.assignmentDocument.findUniqueOrThrow({ where: { assignmentId_kind: { assignmentId: id, kind: "ORIGINAL" } } });
    const head = (original.signatureSlots as { head: { y: number; height: number } }).head;
    const px = (points: number) => String(Math.round((points * 110) / 72));
    const area = ["-x", "0", "-y", px(841.89 - head.y - head.height - 40), "-W", px(595.28), "-H", px(head.height + 90)];
    const render = await run("pdftoppm", ["-png", "-r", "110", "-f", `${pages}`, "-l", `${pages}`, "-singlefile", ...area, file, "artifacts/issued-signature-area"]);
    expect(render.code).toBe(0);
    await copyFile("artifacts/issued-signature-area.png", "test-results/issued-signature-area.png");
    await writeFile("artifacts/issued.pdf", bytes);

    const [register, document, event] = await Promise.all([
      prisma.outgoingDocument.findUniqueOrThrow({ where: { assignmentId: id } }),
      prisma.assignmentDocument.findUniqueOrThrow({ where: { assignmentId_kind: { assignmentId: id, kind: "ISSUED" } } }),
      prisma.auditEvent.findFirstOrThrow({ where: { assignmentId: id, type: "ASSIGNMENT_ISSUED" } }),
    ]);
    expect(register).toMatchObject({ issuingBodyId: body.id, year: year(), number: 1, code: "CK-UBND", signerName: heads[0].assignment.headName, issuedById: clerk.id });
    expect(document.organisationCertificateId).not.toBeNull();
    expect(document.certificateId).toBeNull();
    expect(event.data).toMatchObject({ number: 1, code: "CK-UBND" });
    const notice = await prisma.reminder.findFirstOrThrow({ where: { assignmentId: id, subject: { startsWith: "Văn bản số 01/CK-UBND đã ban hành" } } });
    expect(notice.recipientEmail).toContain(heads[0].user.email);
    expect(notice.recipientEmail).toContain(chair.email);
  });
});

describe("numbering under concurrency", () => {
  it("50 concurrent issuances in one body get numbers 1..50, none repeated or skipped", { timeout: 180_000 }, async () => {
    const { clerk, body, ids } = await issuanceFixture(50);
    const results = await Promise.all(ids.map((id) => issueAssignments(clerk, { assignmentIds: [id] })));
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual([]);
    const register = await prisma.outgoingDocument.findMany({ where: { issuingBodyId: body.id }, orderBy: { number: "asc" } });
    expect(register.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(register.map((r) => r.assignmentId))).toEqual(new Set(ids));
    expect(await prisma.documentCounter.findUniqueOrThrow({ where: { issuingBodyId_year: { issuingBodyId: body.id, year: year() } } })).toMatchObject({ lastNumber: 50 });
    expect(await prisma.assignment.count({ where: { id: { in: ids }, status: "ISSUED" } })).toBe(50);
    // Their first issuances raced to create the body's certificate: one live certificate signed all fifty.
    expect(await prisma.organisationCertificate.count({ where: { issuingBodyId: body.id } })).toBe(1);
  });
});

describe("refusals: a clear message and nothing issued", () => {
  const nothingIssued = async (id: string, status: string) => {
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status, issuedAt: null });
    expect(await prisma.outgoingDocument.count({ where: { assignmentId: id } })).toBe(0);
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: id, kind: "ISSUED" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { assignmentId: id, type: "ASSIGNMENT_ISSUED" } })).toBe(0);
  };

  it("refuses signatures that are incomplete, a stored PDF whose signatures no longer verify, and a document rendered without the number and date slots", async () => {
    const { clerk, ids } = await issuanceFixture(3);
    const [incomplete, tampered, old] = ids;
    await prisma.assignment.update({ where: { id: incomplete }, data: { status: "SIGNED" } });
    expect(await issueAssignments(clerk, { assignmentIds: [incomplete] })).toMatchObject({ ok: false, message: expect.stringContaining("chưa đủ chữ ký") });
    await nothingIssued(incomplete, "SIGNED");

    const stored = await prisma.assignment.findUniqueOrThrow({ where: { id: tampered } });
    const bytes = new Uint8Array((await getFile(stored.documentSha256))!);
    bytes[400] ^= 0x01; // inside the head's signed range
    const blob = await writeBlob(bytes);
    await prisma.storedFile.create({ data: { sha256: blob.sha256, size: blob.size, crc32: blob.crc32, contentType: "application/pdf" } });
    await prisma.assignment.update({ where: { id: tampered }, data: { documentSha256: blob.sha256 } });
    expect(await issueAssignments(clerk, { assignmentIds: [tampered] })).toMatchObject({ ok: false, message: expect.stringContaining("không còn hợp lệ") });
    await nothingIssued(tampered, "COMPLETED");

    const original = await prisma.assignmentDocument.findUniqueOrThrow({ where: { assignmentId_kind: { assignmentId: old, kind: "ORIGINAL" } } });
    const { head, chairperson } = original.signatureSlots as Record<string, object>;
    await prisma.assignmentDocument.update({ where: { id: original.id }, data: { signatureSlots: { head, chairperson } } });
    expect(await issueAssignments(clerk, { assignmentIds: [old] })).toMatchObject({ ok: false, message: expect.stringContaining("phát hành lại") });
    await nothingIssued(old, "COMPLETED");
    // None of the three used a number.
    expect(await prisma.outgoingDocument.count({ where: { assignmentId: { in: ids } } })).toBe(0);
  });

  it("refuses a number the register already holds (its counter set back), keeping the counter as it was", async () => {
    const { clerk, body, ids } = await issuanceFixture(2);
    const [first, second] = ids;
    expect(await issueAssignments(clerk, { assignmentIds: [first] })).toMatchObject({ ok: true });
    const key = { issuingBodyId_year: { issuingBodyId: body.id, year: year() } };
    await prisma.documentCounter.update({ where: key, data: { lastNumber: 0 } });
    const result = await issueAssignments(clerk, { assignmentIds: [second] });
    expect(result).toMatchObject({ ok: false, message: `Số 1 năm ${year()} đã có trong sổ văn bản đi của ${body.name}; không ban hành. Kiểm tra số tiếp theo của sổ.` });
    await nothingIssued(second, "COMPLETED");
    expect(await prisma.documentCounter.findUniqueOrThrow({ where: key })).toMatchObject({ lastNumber: 0 });
  });

  it("refuses a clerk of another body, a non-clerk, a closed campaign and a body without a seal", async () => {
    const { clerk, ids, campaignId } = await issuanceFixture(1);
    const [id] = ids;
    const other = await issuanceFixture(1, { seal: false });
    expect(await issueAssignments(other.clerk, { assignmentIds: [id] })).toMatchObject({ ok: false, message: expect.stringContaining("cơ quan ban hành khác") });
    expect(await issueAssignments(other.admin, { assignmentIds: [id] })).toMatchObject({ ok: false });
    expect(await issueAssignments(other.clerk, { assignmentIds: other.ids })).toMatchObject({ ok: false, message: expect.stringContaining("chưa có hình con dấu") });
    await nothingIssued(other.ids[0], "COMPLETED");

    await prisma.campaign.update({ where: { id: campaignId }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await issueAssignments(clerk, { assignmentIds: [id] })).toMatchObject({ ok: false, message: expect.stringContaining("đã đóng") });
    await nothingIssued(id, "COMPLETED");
  });

  it("issues a batch in selection order and lists the refused ones by unit", async () => {
    const { clerk, ids, heads } = await issuanceFixture(3);
    await prisma.assignment.update({ where: { id: ids[1] }, data: { status: "SIGNED" } });
    const result = await issueAssignments(clerk, { assignmentIds: [ids[2], ids[1], ids[0]] });
    expect(result).toMatchObject({ ok: true, issued: 2, message: expect.stringContaining("Đã ban hành 2 văn bản.") });
    expect(result.refused).toEqual([{ unit: heads[1].unit.name, reason: expect.stringContaining("chưa đủ chữ ký") }]);
    const numbers = await prisma.outgoingDocument.findMany({ where: { assignmentId: { in: ids } }, orderBy: { number: "asc" } });
    expect(numbers.map((r) => [r.assignmentId, r.number])).toEqual([[ids[2], 1], [ids[0], 2]]);
  });
});

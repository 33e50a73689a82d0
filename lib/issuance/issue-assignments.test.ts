import { mkdir, writeFile, copyFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { createTrustingNssDb, qpdfCheck, run, runPdfsig } from "@/lib/signing/testing/external-tools";
import { getFile } from "@/lib/storage/file-store";
import { writeTemp } from "@/lib/test/pdf-tools";
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
    console.log(report.output);
    expect(report.signatures.map((s) => [s.fieldName, s.commonName, s.validation, s.certificateValidation])).toEqual([
      ["NguoiCamKet", heads[0].user.fullName, "Signature is Valid.", "Certificate is Trusted."],
      ["ChuTichXacNhan", chair.fullName, "Signature is Valid.", "Certificate is Trusted."],
      ["CoQuanBanHanh", body.name, "Signature is Valid.", "Certificate is Trusted."],
    ]);
    expect(report.signatures[2].totalDocumentSigned).toBe(true);

    // Our own verifier: three good signatures, nothing disallowed added after the first two.
    const verified = await verifyUploadedPdf(clerk, bytes);
    expect(verified).toMatchObject({ ok: true, verdict: "valid" });
    if (verified.ok) expect(verified.signatures.map((s) => [s.valid, s.changedAfter])).toEqual([[true, []], [true, []], [true, []]]);

    const text = await layoutText(file, 1);
    expect(text).toMatch(/Số: 01\/CK-UBND/);
    const issuedOn = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(assignment.issuedAt!).split("/");
    expect(text).toContain(`Phan Thiết, ngày ${issuedOn[0]} tháng ${issuedOn[1]} năm ${issuedOn[2]}`);

    const pages = Number(/Pages:\s+(\d+)/.exec((await run("pdfinfo", [file])).output)?.[1]);
    const images = (await run("pdfimages", ["-list", "-f", `${pages}`, "-l", `${pages}`, file])).output;
    // The seal: 200×200 px RGB with its alpha as an smask, on the last page (besides the two signature images).
    expect(images).toMatch(/^\s*\d+\s+\d+\s+image\s+200\s+200\s+rgb/m);
    expect(images).toMatch(/^\s*\d+\s+\d+\s+smask\s+200\s+200\s+gray/m);
    expect((await qpdfCheck(file)).output).toContain("No syntax or stream encoding errors found");

    // For a human look (CI keeps artifacts/): the signature area of the last page.
    for (const dir of ["artifacts", "test-results"]) await mkdir(dir, { recursive: true });
    const render = await run("pdftoppm", ["-png", "-r", "110", "-f", `${pages}`, "-l", `${pages}`, "-singlefile", "-x", "0", "-y", "500", "-W", "910", "-H", "600", file, "artifacts/issued-signature-area"]);
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

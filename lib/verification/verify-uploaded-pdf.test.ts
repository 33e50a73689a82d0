import { beforeAll, describe, expect, it } from "vitest";
import { PDFHexString, PDFNumber, rgb } from "@cantoo/pdf-lib";
import { prisma } from "@/lib/db/client";
import { revokeCertificate } from "@/lib/signatures/revoke-certificate";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { appendUpdate } from "@/lib/signing/testing/append-update";
import { createCityCa, issueUserCertificate } from "@/lib/signing/city-ca";
import { createCityCaSigner } from "@/lib/signing/city-ca-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { getFile, sha256Hex } from "@/lib/storage/file-store";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { verifyUploadedPdf } from "./verify-uploaded-pdf";

let signedPdf: Uint8Array;
let originalPdf: Uint8Array;
let head: Awaited<ReturnType<typeof launchTestCampaign>>["heads"][number];
let campaignName: string;

beforeAll(async () => {
  const campaign = await launchTestCampaign(1);
  head = campaign.heads[0]!;
  campaignName = (await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.campaignId } })).name;
  originalPdf = (await getFile(head.assignment.documentSha256))!;
  const result = await signAsHead(head);
  if (!result.ok) throw new Error(result.message);
  signedPdf = (await getFile((await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } })).documentSha256))!;
});

describe("verifying an uploaded PDF", () => {
  it("a signed PDF from the archive: valid, issued by the city CA, not revoked, matched to its unit and version", async () => {
    const result = await verifyUploadedPdf(head.actor, signedPdf, "cam-ket.pdf");
    expect(result).toMatchObject({ ok: true, message: "Tất cả 1 chữ ký đều hợp lệ, do CA của thành phố cấp và chưa bị thu hồi." });
    if (!result.ok) return;
    expect(result.signatures).toEqual([
      // Only its validation data (the DSS, PAdES B-LT) follows it.
      expect.objectContaining({ signer: head.user.fullName, valid: true, issuedByCityCa: true, revoked: false, coversWholeFile: false, addedAfter: ["dữ liệu xác thực chứng thư (DSS)"], changedAfter: [], problems: [] }),
    ]);
    expect(result.signatures[0]!.time).toMatch(/^\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)$/);
    expect(result.archived).toEqual([{ campaign: campaignName, unit: head.unit.name, kind: "Đã ký (người đứng đầu)", assignmentId: head.assignment.id }]);
  });

  it("the app's signature carries the built-in TSA's time and its DSS: B-LT with its proof of existence, revocation read from the file; a renewed file is matched through ArchiveTimestamp", async () => {
    const result = await verifyUploadedPdf(head.actor, signedPdf, "cam-ket.pdf");
    if (!result.ok) throw new Error(result.message);
    expect(result.signatures[0]).toMatchObject({
      kind: "signature",
      level: "B-LT",
      revocation: { checked: true, source: "dss", status: "good" },
      shortfalls: ["chưa có dấu thời gian cho tài liệu sau dữ liệu xác thực (cần cho B-LTA)"],
    });
    expect(result.signatures[0]!.proofOfExistence).toMatch(/^\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)$/);

    // A file a renewal produced is no AssignmentDocument, only an ArchiveTimestamp row.
    const renewed = new Uint8Array([...signedPdf, ...Buffer.from("\n%renewed\n%%EOF\n", "latin1")]);
    expect(await verifyUploadedPdf(head.actor, renewed)).toMatchObject({ ok: true, archived: [] });
    await prisma.archiveTimestamp.create({
      data: { assignmentId: head.assignment.id, sha256Before: sha256Hex(signedPdf), sha256: sha256Hex(renewed), tsaCertificateExpiresAt: new Date("2036-01-01T00:00:00Z"), reason: "RENEWED" },
    });
    expect(await verifyUploadedPdf(head.actor, renewed)).toMatchObject({
      archived: [{ campaign: campaignName, unit: head.unit.name, kind: "Bản lưu trữ dài hạn có dấu thời gian tài liệu (B-LTA)", assignmentId: head.assignment.id }],
    });
  });

  it("an English reader gets the report, the archive match and the refusals in English", async () => {
    const actor = { ...head.actor, locale: "en" as const };
    const result = await verifyUploadedPdf(actor, signedPdf, "commitment.pdf");
    expect(result).toMatchObject({ ok: true, message: "1 signature checked: all valid, issued by the city CA and not revoked." });
    if (!result.ok) return;
    expect(result.signatures[0]!.time).toMatch(/^\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(Vietnam time\)$/);
    expect(result.archived).toEqual([expect.objectContaining({ kind: "Signed (head of unit)" })]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(200).fill(0)]);
    expect(await verifyUploadedPdf(actor, jpeg, "photo.pdf")).toEqual({
      ok: false,
      message: "“photo.pdf” is not a PDF file (it is a JPEG image, only named .pdf). Please choose the commitment PDF.",
    });
    expect(await verifyUploadedPdf(actor, new Uint8Array(25.5 * 1024 * 1024))).toEqual({
      ok: false,
      message: "The file is too large (25.5 MB). Only PDF files up to 20 MB can be verified.",
    });
  });

  it("one changed byte: not valid, with the reason in Vietnamese, and not in the archive", async () => {
    const tampered = new Uint8Array(signedPdf);
    tampered[400] ^= 0x01;
    const result = await verifyUploadedPdf(await createActor("AUDITOR"), tampered, "sua.pdf");
    expect(result).toMatchObject({ ok: true, message: "Có chữ ký không hợp lệ hoặc không đáng tin cậy — xem chi tiết từng chữ ký.", archived: [] });
    if (!result.ok) return;
    expect(result.signatures[0]).toMatchObject({ valid: false, problems: ["Nội dung đã bị thay đổi sau khi ký (mã băm không khớp)."] });
  });

  it("drawn over after signing: the headline says modified after signing, once per real signature, with what changed", async () => {
    const [original] = await readPdfSignatures(signedPdf);
    const [, length1 = 0, start2 = 0] = original!.byteRange;
    const drawn = await appendUpdate(signedPdf, (doc) => {
      // The same signature dictionary again under a new object number: still one signature.
      doc.context.register(
        doc.context.obj({
          Type: "Sig",
          ByteRange: original!.byteRange.map((n) => PDFNumber.of(n)),
          Contents: PDFHexString.of(Buffer.from(signedPdf.subarray(length1 + 1, start2 - 1)).toString("latin1")),
        }),
      );
      doc.getPage(0).drawRectangle({ x: 60, y: 500, width: 480, height: 200, color: rgb(1, 1, 1) });
      doc.getPage(0).drawText("So tien: 0 dong", { x: 80, y: 600, size: 20 });
    });
    const result = await verifyUploadedPdf(head.actor, drawn, "da-sua.pdf");
    expect(result).toMatchObject({
      ok: true,
      verdict: "modified",
      message: "Tệp đã bị sửa đổi sau khi ký: nội dung hiện tại không còn là nội dung đã được ký — xem chi tiết từng chữ ký.",
      archived: [],
    });
    if (!result.ok) return;
    expect(result.signatures).toEqual([
      expect.objectContaining({ valid: true, coversWholeFile: false, addedAfter: ["dữ liệu xác thực chứng thư (DSS)"], changedAfter: ["nội dung trang"], issuedByCityCa: true }),
    ]);
  });

  it("countersigned through the app: valid; the head's signature does not cover the file, and what follows is the allowed countersignature", async () => {
    const { heads } = await launchTestCampaign(1);
    const [other] = heads;
    const png = signatureDataUrl();
    expect(await signAsHead(other!)).toMatchObject({ ok: true });
    const chair = await createActor("CHAIRPERSON");
    const start = await startCountersigning(chair, "MatKhau@123");
    expect(await countersignAssignment(chair, { assignmentId: other!.assignment.id, grant: start.grant, signatureImage: png })).toMatchObject({ ok: true });
    const countersigned = (await getFile((await prisma.assignment.findUniqueOrThrow({ where: { id: other!.assignment.id } })).documentSha256))!;

    const result = await verifyUploadedPdf(chair, countersigned, "da-xac-nhan.pdf");
    expect(result).toMatchObject({ ok: true, verdict: "valid", message: "Tất cả 2 chữ ký đều hợp lệ, do CA của thành phố cấp và chưa bị thu hồi." });
    expect(result.ok && result.signatures.map((s) => [s.coversWholeFile, s.addedAfter, s.changedAfter])).toEqual([
      [false, ["dữ liệu xác thực chứng thư (DSS)", "chữ ký số tiếp theo", "dấu thời gian cho tài liệu"], []],
      [false, ["dữ liệu xác thực chứng thư (DSS)", "dấu thời gian cho tài liệu"], []],
      // The completion's document timestamp (B-LTA) covers the whole file.
      [true, [], []],
    ]);
  });

  it("a PDF cut in half is reported damaged, not unsigned", async () => {
    const truncated = signedPdf.subarray(0, Math.floor(signedPdf.length / 2));
    expect(await verifyUploadedPdf(head.actor, truncated, "cat-doi.pdf")).toEqual({
      ok: false,
      message: "“cat-doi.pdf” bị hỏng, không đọc được (tệp bị cắt cụt hoặc hư hỏng). Hãy lấy lại tệp gốc đầy đủ rồi kiểm tra lại.",
    });
  });

  it("revocation is looked up for the exact certificate: another CA's certificate with the same serial is not ours", async () => {
    const cert = await prisma.userCertificate.findFirstOrThrow({ where: { userId: head.user.id, revokedAt: null } });
    const admin = await createActor("ADMIN");
    expect((await revokeCertificate(admin, { certificateId: cert.id, reason: "Kiểm thử thu hồi chứng thư" })).ok).toBe(true);
    const result = await verifyUploadedPdf(admin, signedPdf);
    expect(result.ok && result.signatures[0]).toMatchObject({ valid: true, revoked: true });
    expect(result.ok && result.message).toBe("Có chữ ký không hợp lệ hoặc không đáng tin cậy — xem chi tiết từng chữ ký.");

    // A second signature by a look-alike CA's certificate that reuses the revoked serial.
    const otherCa = await createCityCa({ commonName: "UBND thành phố Phan Thiết — CA ký số" });
    const lookAlike = await issueUserCertificate(otherCa, { fullName: "Người Giả Danh", jobTitle: "Chủ tịch", unitName: "UBND", email: "gia@example.com", serial: cert.serialHex });
    const signer = await createCityCaSigner({ certDer: lookAlike.certDer, privateKeyPkcs8: lookAlike.privateKeyPkcs8, issuerCertsDer: [otherCa.certDer] });
    const twice = await signPdf({
      pdf: signedPdf,
      signer,
      fieldName: "GiaDanh",
      slot: { page: 0, x: 310, y: 50, width: 230, height: 120 },
      appearance: { lines: ["Người Giả Danh"] },
      signingTime: new Date(),
    });
    const both = await verifyUploadedPdf(admin, twice);
    expect(both.ok && both.signatures.map((s) => [s.signer, s.revoked, s.issuedByCityCa])).toEqual([
      [head.user.fullName, true, true],
      ["Người Giả Danh", null, false],
    ]);
  });

  it("clear messages for an unsigned PDF, a JPEG renamed .pdf, an empty file and a 25 MB file", async () => {
    const actor = await createActor("UNIT_HEAD");
    expect(await verifyUploadedPdf(actor, originalPdf, "ban-goc.pdf")).toMatchObject({ ok: true, message: "Tệp PDF này không có chữ ký số nào.", signatures: [] });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, ...new Array(200).fill(0)]);
    expect(await verifyUploadedPdf(actor, jpeg, "anh.pdf")).toEqual({
      ok: false,
      message: "“anh.pdf” không phải tệp PDF (nội dung là ảnh JPEG, chỉ được đặt tên .pdf). Hãy chọn đúng tệp PDF bản cam kết.",
    });
    expect(await verifyUploadedPdf(actor, new Uint8Array(), "rong.pdf")).toEqual({ ok: false, message: "Tệp trống (0 byte). Hãy chọn tệp PDF cần kiểm tra." });
    expect(await verifyUploadedPdf(actor, new Uint8Array(25 * 1024 * 1024), "lon.pdf")).toEqual({
      ok: false,
      message: "Tệp quá lớn (25 MB). Chỉ kiểm tra được tệp PDF tối đa 20 MB.",
    });
    expect(await verifyUploadedPdf(null, signedPdf)).toEqual({ ok: false, message: "Bạn cần đăng nhập để kiểm tra tệp." });
  });

  it("a crafted 18 MB file (a million page objects, then a million /ByteRange entries) is refused promptly with a reason", { timeout: 15_000 }, async () => {
    const actor = await createActor("AUDITOR");
    const crafted = (unit: string) => new TextEncoder().encode(`%PDF-1.7\n${unit.repeat(Math.floor((18 * 1024 * 1024) / unit.length))}%%EOF`);
    expect(await verifyUploadedPdf(actor, crafted("<< /Type /Page >>\n"), "trang.pdf")).toEqual({
      ok: false,
      message: "Tệp có quá nhiều trang để kiểm tra (tối đa 1.000 trang); bản cam kết chỉ có vài trang.",
    });
    expect(await verifyUploadedPdf(actor, crafted("/ByteRange [0 1 2 3]\n"), "chu-ky.pdf")).toEqual({
      ok: false,
      message: "Tệp có quá nhiều chữ ký để kiểm tra (tối đa 20).",
    });
  });
});

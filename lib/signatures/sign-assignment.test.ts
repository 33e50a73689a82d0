import { describe, expect, it, beforeAll } from "vitest";
import { prisma } from "@/lib/db/client";
import { signAssignment } from "./sign-assignment";
import { countersignAssignment, startCountersigning } from "./countersign-assignment";
import { declineAssignment } from "./decline-assignment";
import { reissueAssignment } from "./reissue-assignment";
import { revokeCertificate } from "./revoke-certificate";
import { getCityCa } from "./city-ca-store";
import { getFile } from "@/lib/storage/file-store";
import { createTrustingNssDb, qpdfCheck, runPdfsig } from "@/lib/signing/testing/external-tools";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { writeTemp } from "@/lib/test/pdf-tools";
import { actorFor, createActor, launchTestCampaign } from "@/lib/test/factories";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
let nssDb: string;

beforeAll(async () => {
  nssDb = await createTrustingNssDb((await getCityCa()).certPem);
});

type Head = Awaited<ReturnType<typeof launchTestCampaign>>["heads"][number];
const signInput = (head: Head, overrides: Record<string, unknown> = {}) => ({
  assignmentId: head.assignment.id,
  reviewedSha256: head.assignment.documentSha256,
  password: head.password,
  signatureImage: png,
  ...overrides,
});
const currentPdf = async (assignmentId: string) => {
  const a = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  return { assignment: a, bytes: (await getFile(a.documentSha256))! };
};

describe("signing and countersigning, verified by pdfsig, qpdf", () => {
  it("signs with the head's own certificate; countersigning keeps the first signature valid; a flipped byte breaks it", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    expect(await signAssignment(head.actor, signInput(head))).toMatchObject({ ok: true });

    const signed = await currentPdf(head.assignment.id);
    expect(signed.assignment.status).toBe("SIGNED");
    const signedFile = writeTemp(signed.bytes, "signed.pdf");
    const one = await runPdfsig(signedFile, nssDb);
    expect(one.signatures).toHaveLength(1);
    expect(one.signatures[0]).toMatchObject({
      validation: "Signature is Valid.",
      certificateValidation: "Certificate is Trusted.",
      commonName: head.user.fullName,
      // Its validation data (PAdES B-LT) follows in a DSS revision of its own.
      totalDocumentSigned: false,
    });
    expect((await qpdfCheck(signedFile)).output).toContain("No syntax or stream encoding errors found");
    // The original bytes are the untouched prefix of the signed revision.
    const original = (await getFile(head.assignment.documentSha256))!;
    expect(Buffer.from(signed.bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);

    const chair = await createActor("CHAIRPERSON");
    const start = await startCountersigning(chair, "MatKhau@123");
    expect(start.ok).toBe(true);
    expect(await countersignAssignment(chair, { assignmentId: head.assignment.id, grant: start.grant, signatureImage: png })).toMatchObject({ ok: true });
    const countersigned = await currentPdf(head.assignment.id);
    expect(countersigned.assignment.status).toBe("COMPLETED");
    const file = writeTemp(countersigned.bytes, "countersigned.pdf");
    const two = await runPdfsig(file, nssDb);
    // The two signatures, then the completion's document timestamp (B-LTA) over the whole file.
    expect(two.signatures.map((s) => s.documentTimestamp)).toEqual([false, false, true]);
    expect(two.signatures[2]!.totalDocumentSigned).toBe(true);
    expect(two.signatures.slice(0, 2).map((s) => [s.validation, s.certificateValidation])).toEqual([
      ["Signature is Valid.", "Certificate is Trusted."],
      ["Signature is Valid.", "Certificate is Trusted."],
    ]);
    expect(two.signatures[0].totalDocumentSigned).toBe(false);
    expect(two.signatures[1].totalDocumentSigned).toBe(false); // its DSS revision follows
    expect(two.signatures[1].commonName).toBe(chair.fullName);
    expect(two.output).toContain("Not total document signed");
    expect((await qpdfCheck(file)).output).toContain("No syntax or stream encoding errors found");

    const tampered = new Uint8Array(countersigned.bytes);
    tampered[400] ^= 0x01; // inside the first signed range (the original document's body)
    const broken = await runPdfsig(writeTemp(tampered, "tampered.pdf"), nssDb);
    expect(broken.signatures.filter((s) => !s.documentTimestamp).every((s) => s.validation !== "Signature is Valid.")).toBe(true);

    const docs = await prisma.assignmentDocument.findMany({ where: { assignmentId: head.assignment.id }, orderBy: { createdAt: "asc" } });
    expect(docs.map((d) => d.kind)).toEqual(["ORIGINAL", "SIGNED", "COUNTERSIGNED"]);
    const events = await prisma.auditEvent.findMany({ where: { assignmentId: head.assignment.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["ASSIGNMENT_SIGNED", "ASSIGNMENT_COUNTERSIGNED"]);
  });
});

describe("refusals: nothing is stored", () => {
  it("wrong password, another unit, a bad image, a stale hash and signing twice are each refused clearly", async () => {
    const { heads } = await launchTestCampaign(2);
    const [head, other] = heads;
    const wrong = await signAssignment(head.actor, signInput(head, { password: "Sai@0000" }));
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { password: ["Mật khẩu không đúng. Chưa có gì được ký."] } });
    expect(await signAssignment(other.actor, signInput(head))).toEqual({ ok: false, message: "Không tìm thấy bản cam kết." });
    const empty = await signAssignment(head.actor, signInput(head, { signatureImage: "" }));
    expect(empty.fieldErrors?.signatureImage).toEqual(["Chưa có chữ ký: hãy vẽ hoặc gõ chữ ký của bạn"]);
    const jpeg = await signAssignment(head.actor, signInput(head, { signatureImage: `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff]).toString("base64")}` }));
    expect(jpeg.fieldErrors?.signatureImage).toEqual(["Ảnh chữ ký phải là ảnh PNG"]);
    const huge = await signAssignment(head.actor, signInput(head, { signatureImage: `data:image/png;base64,${Buffer.alloc(10 * 1024 * 1024).toString("base64")}` }));
    expect(huge.fieldErrors?.signatureImage).toEqual(["Ảnh chữ ký quá lớn (tối đa 300 KB)"]);
    const stale = await signAssignment(head.actor, signInput(head, { reviewedSha256: "a".repeat(64) }));
    expect(stale.message).toContain("đã thay đổi kể từ khi bạn mở trang");
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: head.assignment.id } })).toBe(1);

    expect((await signAssignment(head.actor, signInput(head))).ok).toBe(true);
    const again = await signAssignment(head.actor, signInput(head));
    expect(again).toEqual({ ok: false, message: "Bản cam kết này đã được ký; không thể ký lại hay từ chối." });
  });

  it("a declined or revoked-certificate signature is refused; a reissue starts a new revision", async () => {
    const { heads, admin } = await launchTestCampaign(2);
    const [decliner, revokedHead] = heads;
    const short = await declineAssignment(decliner.actor, decliner.assignment.id, { reason: "không" });
    expect(short.fieldErrors?.reason).toEqual(["Hãy nêu lý do cụ thể (ít nhất 10 ký tự)"]);
    expect((await declineAssignment(decliner.actor, decliner.assignment.id, { reason: "Số liệu PAR Index cần được cập nhật." })).ok).toBe(true);
    expect(await signAssignment(decliner.actor, signInput(decliner))).toEqual({
      ok: false,
      message: "Bạn đã từ chối ký bản cam kết này; chờ Chủ tịch UBND thành phố phát hành lại.",
    });
    const chair = await createActor("CHAIRPERSON");
    expect((await reissueAssignment(chair, decliner.assignment.id)).ok).toBe(true);
    const revisions = await prisma.assignment.findMany({ where: { unitId: decliner.unit.id }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => [r.revision, r.status])).toEqual([
      [1, "SUPERSEDED"],
      [2, "PENDING"],
    ]);

    // First signature issues the certificate; revoke it, then signing is refused.
    const { issueFreshCertificate } = await import("./user-certificate-store");
    const certificate = await issueFreshCertificate(await actorFor(revokedHead.user.id));
    expect((await revokeCertificate(admin, { certificateId: certificate.id, reason: "Mất thiết bị" })).ok).toBe(true);
    const refused = await signAssignment(revokedHead.actor, signInput(revokedHead));
    expect(refused).toEqual({ ok: false, message: "Chứng thư số của bạn đã bị thu hồi; hãy liên hệ Phòng Nội vụ để được cấp chứng thư mới." });
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: revokedHead.assignment.id } })).status).toBe("PENDING");
  });
});

describe("the reader's language", () => {
  it("an English-speaking head, chairperson and admin are refused in English; nothing is stored", async () => {
    const { heads, admin } = await launchTestCampaign(2);
    const [head, other] = heads;
    const en = { ...head.actor, locale: "en" as const };
    expect(await signAssignment(en, signInput(head, { password: "Sai@0000" }))).toMatchObject({
      ok: false,
      message: "Wrong password. Nothing has been signed.",
      fieldErrors: { password: ["Wrong password. Nothing has been signed."] },
    });
    const noImage = await signAssignment(en, signInput(head, { signatureImage: "" }));
    expect(noImage.message).toBe("Some fields are not valid; please check the highlighted fields.");
    expect(noImage.fieldErrors?.signatureImage).toEqual(["No signature yet: draw or type your signature"]);
    expect(await signAssignment({ ...other.actor, locale: "en" }, signInput(head))).toEqual({ ok: false, message: "Commitment not found." });
    const short = await declineAssignment(en, head.assignment.id, { reason: "no" });
    expect(short.fieldErrors?.reason).toEqual(["Give a specific reason (at least 10 characters)"]);

    const chair = { ...(await createActor("CHAIRPERSON")), locale: "en" as const };
    expect(await signAssignment(chair, signInput(head))).toEqual({ ok: false, message: "You are not allowed to do this." });
    expect(await startCountersigning(chair, "Sai@0000")).toMatchObject({ ok: false, message: "Wrong password. Nothing has been signed.", fieldErrors: { password: ["Wrong password"] } });
    expect(await reissueAssignment(chair, head.assignment.id)).toEqual({ ok: false, message: "Only a declined commitment can be reissued." });
    expect(await revokeCertificate({ ...admin, locale: "en" }, { certificateId: head.assignment.id, reason: "Lost device" })).toEqual({
      ok: false,
      message: "The certificate does not exist or has already been revoked.",
    });
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: head.assignment.id } })).toBe(1);
  });
});

describe("concurrency", () => {
  it("20 simultaneous sign requests for one assignment store exactly one signature", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    const results = await Promise.all(Array.from({ length: 20 }, () => signAssignment(head.actor, signInput(head))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refusals = results.filter((r) => !r.ok);
    expect(refusals).toHaveLength(19);
    for (const r of refusals) expect(r.message).toMatch(/vừa được ký trong một phiên khác|đã được ký/);
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: head.assignment.id, kind: "SIGNED" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { assignmentId: head.assignment.id, type: "ASSIGNMENT_SIGNED" } })).toBe(1);
  });

  it("30 heads signing at once give 30 valid, trusted PDFs", async () => {
    const { heads } = await launchTestCampaign(30);
    const results = await Promise.all(heads.map((h) => signAssignment(h.actor, signInput(h))));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    for (const head of heads) {
      const { bytes } = await currentPdf(head.assignment.id);
      const report = await runPdfsig(writeTemp(bytes), nssDb);
      expect(report.signatures.map((s) => [s.validation, s.certificateValidation, s.commonName])).toEqual([
        ["Signature is Valid.", "Certificate is Trusted.", head.user.fullName],
      ]);
    }
  }, 180_000);
});

import { beforeAll, describe, expect, it } from "vitest";
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { prisma } from "@/lib/db/client";
import { getFile } from "@/lib/storage/file-store";
import { createTrustingNssDb, runPdfsig } from "@/lib/signing/testing/external-tools";
import type { TestCa } from "@/lib/signing/testing/external-test-ca";
import { writeTemp } from "@/lib/test/pdf-tools";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { externalSignerFor, trustedTestCa } from "@/lib/test/external-signer";
import { decideCertificateBinding } from "@/lib/signer-certificates/decide-certificate-binding";
import { prepareExternalSignatures } from "./prepare-external-signatures";
import { finalizeExternalSignatures } from "./finalize-external-signatures";
import { createTestCrl } from "@/lib/signing/testing/external-test-ca";
import { startFileServer } from "@/lib/trust/testing/trust-fixtures";
import { readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";

type Head = Awaited<ReturnType<typeof launchTestCampaign>>["heads"][number];
type Signer = Awaited<ReturnType<typeof externalSignerFor>>;
let ca: TestCa;
let nssDb: string;

beforeAll(async () => {
  ca = await trustedTestCa();
  nssDb = await createTrustingNssDb(ca.certPem);
});

const prepare = (head: Head, certificate: string, now?: Date) =>
  prepareExternalSignatures(
    head.actor,
    { assignmentIds: [head.assignment.id], reviewedSha256: head.assignment.documentSha256, method: "PKCS12", certificate, signatureImage: signatureDataUrl() },
    now,
  );
const finalize = (head: Head, pendingId: string, signature: string, now?: Date) => finalizeExternalSignatures(head.actor, { signatures: [{ pendingId, signature }] }, {}, now);
const signWith = async (signer: Signer, pending: { id: string; signedAttributes: string }) => ({ pendingId: pending.id, signature: await signer.sign(pending.signedAttributes) });
const statusOf = async (head: Head) => (await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } })).status;
const NOTHING = "chưa có gì được ký";

describe("signing with a key the server never holds (two phases)", () => {
  it("prepare, sign elsewhere, finalize: stored like any signature, valid and trusted in pdfsig; a second finalize is refused", async () => {
    const { heads } = await launchTestCampaign(1);
    const head = heads[0]!;
    const signer = await externalSignerFor(head.actor, ca);
    expect(signer.registered).toMatchObject({ ok: true, message: expect.stringContaining("dùng nó để ký ngay") });
    const prepared = await prepare(head, signer.certificate);
    expect(prepared).toMatchObject({ ok: true });
    expect(await statusOf(head)).toBe("PENDING");

    const pending = prepared.pending![0]!;
    const { signature } = await signWith(signer, pending);
    expect(await finalize(head, pending.id, signature)).toMatchObject({ ok: true });
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    expect(assignment.status).toBe("SIGNED");
    const stored = await prisma.assignmentDocument.findFirstOrThrow({ where: { assignmentId: head.assignment.id, kind: "SIGNED" } });
    expect(stored.certificateId).toBe(signer.registered.certificateId);
    const [result] = (await runPdfsig(writeTemp((await getFile(assignment.documentSha256))!), nssDb)).signatures;
    expect([result?.fieldName, result?.validation, result?.certificateValidation]).toEqual(["NguoiCamKet", "Signature is Valid.", "Certificate is Trusted."]);

    expect(await finalize(head, pending.id, signature)).toEqual({ ok: false, message: "Phiên ký này đã được dùng; mỗi phiên chỉ hoàn tất một lần." });
  });

  it("a wrong signature changes nothing and the session stays usable; another person's session, another's certificate, an expired session and a document changed in between are refused", async () => {
    const { heads } = await launchTestCampaign(3);
    const [head, other, third] = heads as [Head, Head, Head];
    const signer = await externalSignerFor(head.actor, ca);
    const otherSigner = await externalSignerFor(other.actor, ca);

    expect(await prepare(head, otherSigner.certificate)).toEqual({ ok: false, message: `Chứng thư số dùng để ký không phải chứng thư đã đăng ký của bạn; ${NOTHING}.` });
    const pending = (await prepare(head, signer.certificate)).pending![0]!;
    expect(await finalize(head, pending.id, await otherSigner.sign(pending.signedAttributes))).toEqual({
      ok: false,
      message: `Chữ ký nhận được không khớp với chứng thư số và văn bản đã chuẩn bị; ${NOTHING}.`,
    });
    expect(await statusOf(head)).toBe("PENDING");
    expect(await finalize(other, pending.id, await signer.sign(pending.signedAttributes))).toEqual({ ok: false, message: "Không tìm thấy phiên ký đang chờ của bạn; hãy ký lại từ đầu." });
    const late = new Date(Date.now() + 11 * 60_000);
    expect(await finalize(head, pending.id, await signer.sign(pending.signedAttributes), late)).toEqual({ ok: false, message: "Phiên ký đã quá 10 phút; hãy ký lại từ đầu. Chưa có gì được ký." });
    expect(await finalize(head, pending.id, await signer.sign(pending.signedAttributes))).toMatchObject({ ok: true });

    // Signed with the server-held key in between: the prepared revision is of a document that is no longer current.
    const thirdSigner = await externalSignerFor(third.actor, ca);
    const stale = (await prepare(third, thirdSigner.certificate)).pending![0]!;
    expect(await signAsHead(third)).toMatchObject({ ok: true });
    const sha256After = (await prisma.assignment.findUniqueOrThrow({ where: { id: third.assignment.id } })).documentSha256;
    expect(await finalize(third, stale.id, await thirdSigner.sign(stale.signedAttributes))).toMatchObject({
      ok: false,
      message: "Bản cam kết đã thay đổi kể từ khi bạn mở trang; hãy tải lại trang và đọc lại trước khi ký.",
    });
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: third.assignment.id } })).documentSha256).toBe(sha256After);
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: third.assignment.id, kind: "SIGNED" } })).toBe(1);

    expect(await prepareExternalSignatures(await createActor("CHAIRPERSON"), {})).toMatchObject({ ok: false });
  });

  it("refuses a certificate not yet approved, a method the admin does not allow, a disabled anchor, an expired certificate — nothing prepared", async () => {
    const { heads } = await launchTestCampaign(1);
    const head = heads[0]!;
    const signer = await externalSignerFor(head.actor, ca);
    const pendingBefore = await prisma.pendingSignature.count({ where: { userId: head.actor.id } });

    await prisma.userCertificate.update({ where: { id: signer.registered.certificateId }, data: { binding: "PENDING", boundAt: null } });
    expect(await prepare(head, signer.certificate)).toEqual({ ok: false, message: "Chứng thư số này đang chờ Phòng Nội vụ duyệt gắn với tài khoản của bạn; chưa ký được." });
    expect(await decideCertificateBinding(await createActor("ADMIN"), { certificateId: signer.registered.certificateId, decision: "approve" })).toMatchObject({ ok: true });

    await prisma.user.update({ where: { id: head.actor.id }, data: { signingMethods: ["SERVER_KEY", "AGENT"] } });
    expect(await prepare(head, signer.certificate)).toEqual({ ok: false, message: "Cách ký này chưa được Phòng Nội vụ cho phép với tài khoản của bạn." });
    await prisma.user.update({ where: { id: head.actor.id }, data: { signingMethods: ["PKCS12"] } });
    expect(await signAsHead(head)).toEqual({ ok: false, message: "Cách ký này chưa được Phòng Nội vụ cho phép với tài khoản của bạn." });

    const expiredLater = new Date(Date.now() + 400 * 86_400_000);
    expect(await prepare(head, signer.certificate, expiredLater)).toMatchObject({ ok: false });

    const anchor = await prisma.trustAnchor.findFirstOrThrow({ where: { subject: ca.cert.subject } });
    await prisma.trustAnchor.update({ where: { id: anchor.id }, data: { enabled: false } });
    try {
      expect(await prepare(head, signer.certificate)).toMatchObject({ ok: false });
    } finally {
      await prisma.trustAnchor.update({ where: { id: anchor.id }, data: { enabled: true } });
    }
    expect(await prisma.pendingSignature.count({ where: { userId: head.actor.id } })).toBe(pendingBefore);
    expect(await prepare(head, signer.certificate)).toMatchObject({ ok: true });
  });

  it("registration refuses a certificate without a signing key usage and one registered to someone else; without the identifier it waits for an admin", async () => {
    const { heads } = await launchTestCampaign(2);
    const [head, other] = heads as [Head, Head];
    const wrongUsage = await externalSignerFor(head.actor, ca, { keyUsage: x509.KeyUsageFlags.keyEncipherment });
    expect(wrongUsage.registered).toMatchObject({ ok: false });
    const mine = await externalSignerFor(head.actor, ca);
    const { registerSigningCertificate } = await import("@/lib/signer-certificates/register-signing-certificate");
    expect(await registerSigningCertificate(other.actor, { method: "PKCS12", certificate: mine.certificate })).toEqual({ ok: false, message: "Chứng thư số này đã được đăng ký cho một người khác." });

    await prisma.user.update({ where: { id: other.actor.id }, data: { certificateIdentifier: null } });
    const { issueTestKeyAndCertificate } = await import("@/lib/signing/testing/external-test-ca");
    const { certDer } = await issueTestKeyAndCertificate(ca, { commonName: other.actor.fullName });
    const registered = await registerSigningCertificate(other.actor, { method: "AGENT", certificate: Buffer.from(certDer).toString("base64") });
    expect(registered).toMatchObject({ ok: true, message: expect.stringContaining("Phòng Nội vụ cần duyệt") });
    expect(await prisma.userCertificate.findUniqueOrThrow({ where: { id: registered.certificateId } })).toMatchObject({ binding: "PENDING", method: "AGENT", encryptedKey: null });
    expect(await prisma.auditEvent.count({ where: { type: "CERTIFICATE_REGISTERED", actorId: null, data: { path: ["certificateId"], equals: registered.certificateId! } } })).toBe(1);
  });

  it("the chairperson countersigns a chunk under one authorization: one prepare, one finalize, every document stored", async () => {
    const { heads } = await launchTestCampaign(3);
    const chairperson = await createActor("CHAIRPERSON");
    for (const head of heads) expect(await signAsHead(head)).toMatchObject({ ok: true });
    const signer = await externalSignerFor(chairperson, ca);
    const chunk = { assignmentIds: heads.map((h) => h.assignment.id), method: "PKCS12", certificate: signer.certificate };
    // Without the chairperson's signature image: refused, nothing prepared.
    expect(await prepareExternalSignatures(chairperson, chunk)).toEqual({ ok: false, message: "Chưa có chữ ký: hãy vẽ hoặc gõ chữ ký của bạn" });
    const prepared = await prepareExternalSignatures(chairperson, { ...chunk, signatureImage: signatureDataUrl() });
    expect(prepared.pending).toHaveLength(3);
    const signatures = await Promise.all(prepared.pending!.map((p) => signWith(signer, p)));
    const finalized = await finalizeExternalSignatures(chairperson, { signatures });
    expect(finalized.outcomes?.map((o) => o.ok)).toEqual([true, true, true]);
    for (const head of heads) expect(await statusOf(head)).toBe("COMPLETED");
  });

  it("a foreign CA's CRL that vouched for the certificate at finalize is embedded in the DSS: /kiem-tra finds the signature valid under the trust list and B-LT from the file alone", async () => {
    const { heads } = await launchTestCampaign(1);
    const head = heads[0]!;
    const server = await startFileServer();
    try {
      const signer = await externalSignerFor(head.actor, ca, { crlUrl: server.url("/vgca.crl") });
      const crl = await createTestCrl(ca, []);
      server.serve("/vgca.crl", crl);
      const prepared = await prepare(head, signer.certificate);
      const pending = prepared.pending![0]!;
      expect(await finalize(head, pending.id, (await signWith(signer, pending)).signature)).toMatchObject({ ok: true });
      const pdf = (await getFile((await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } })).documentSha256))!;
      const [info] = await readPdfSignatures(pdf);
      expect(info!.inDss).toBe(true);
      expect(info!.dss!.crls.map((der) => Buffer.from(der).toString("hex"))).toEqual([Buffer.from(crl).toString("hex")]);
      // Judged offline: the CRL server is gone by now.
      await server.close();
      const verified = await verifyUploadedPdf(head.actor, pdf, "vgca.pdf");
      expect(verified.ok && verified.signatures.map((s) => [s.level, s.revocation.source, s.revocation.status, s.issuedByTrustList, s.problems])).toEqual([["B-LT", "dss", "good", true, []]]);
      // Judged against the trust list, as the government's CAs are: valid, and said to be so.
      expect(verified).toMatchObject({ ok: true, verdict: "valid", message: expect.stringContaining("CA trong danh sách tin cậy") });
    } finally {
      await server.close().catch(() => {});
    }
  });
});

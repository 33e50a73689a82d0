import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getFile } from "@/lib/storage/file-store";
import { createTrustingNssDb, runPdfsig } from "@/lib/signing/testing/external-tools";
import { writeTemp } from "@/lib/test/pdf-tools";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { getCityCa } from "./city-ca-store";
import { getSigningIdentity } from "./user-certificate-store";
import { prepareExternalSignature } from "./prepare-external-signature";
import { finalizeExternalSignature } from "./finalize-external-signature";

type Head = Awaited<ReturnType<typeof launchTestCampaign>>["heads"][number];
let nssDb: string;

beforeAll(async () => {
  nssDb = await createTrustingNssDb((await getCityCa()).certPem);
});

/** The head's own key, used here as a key the server never sees: it signs in WebCrypto, as in a browser. */
async function externalKeyOf(head: Head) {
  const identity = await getSigningIdentity(head.actor);
  const key = await crypto.subtle.importKey("pkcs8", new Uint8Array(identity.privateKeyPkcs8), { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  const sign = async (signedAttributes: string) =>
    Buffer.from(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, Buffer.from(signedAttributes, "base64"))).toString("base64");
  return { certificate: Buffer.from(identity.certDer).toString("base64"), sign };
}

const prepare = (head: Head, certificate: string, now?: Date) =>
  prepareExternalSignature(head.actor, { assignmentId: head.assignment.id, reviewedSha256: head.assignment.documentSha256, certificate, signatureImage: signatureDataUrl() }, now);
const statusOf = async (head: Head) => (await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } })).status;

describe("signing with a key the server never holds (two phases)", () => {
  it("prepare, sign elsewhere, finalize: stored like any signature and valid in pdfsig; a second finalize is refused", async () => {
    const { heads } = await launchTestCampaign(1);
    const head = heads[0]!;
    const key = await externalKeyOf(head);
    const prepared = await prepare(head, key.certificate);
    expect(prepared).toMatchObject({ ok: true });
    expect(await statusOf(head)).toBe("PENDING");

    const signature = await key.sign(prepared.pending!.signedAttributes);
    expect(await finalizeExternalSignature(head.actor, { pendingId: prepared.pending!.id, signature })).toMatchObject({ ok: true });
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    expect(assignment.status).toBe("SIGNED");
    const [result] = (await runPdfsig(writeTemp((await getFile(assignment.documentSha256))!), nssDb)).signatures;
    expect([result?.fieldName, result?.validation, result?.certificateValidation]).toEqual(["NguoiCamKet", "Signature is Valid.", "Certificate is Trusted."]);

    expect(await finalizeExternalSignature(head.actor, { pendingId: prepared.pending!.id, signature })).toEqual({
      ok: false,
      message: "Phiên ký này đã được dùng; mỗi phiên chỉ hoàn tất một lần.",
    });
  });

  it("a wrong signature changes nothing and the session stays usable; another person's session, another certificate, an expired session and a document changed in between are refused", async () => {
    const { heads } = await launchTestCampaign(3);
    const [head, other, third] = heads as [Head, Head, Head];
    const key = await externalKeyOf(head);
    const otherKey = await externalKeyOf(other);

    expect(await prepare(head, otherKey.certificate)).toEqual({ ok: false, message: "Chứng thư số dùng để ký không phải chứng thư đã đăng ký của bạn; chưa có gì được ký." });
    const prepared = (await prepare(head, key.certificate)).pending!;
    expect(await finalizeExternalSignature(head.actor, { pendingId: prepared.id, signature: await otherKey.sign(prepared.signedAttributes) })).toEqual({
      ok: false,
      message: "Chữ ký nhận được không khớp với chứng thư số và văn bản đã chuẩn bị; chưa có gì được ký.",
    });
    expect(await statusOf(head)).toBe("PENDING");
    expect(await finalizeExternalSignature(other.actor, { pendingId: prepared.id, signature: await key.sign(prepared.signedAttributes) })).toEqual({
      ok: false,
      message: "Không tìm thấy phiên ký đang chờ của bạn; hãy ký lại từ đầu.",
    });
    const late = new Date(Date.now() + 11 * 60_000);
    expect(await finalizeExternalSignature(head.actor, { pendingId: prepared.id, signature: await key.sign(prepared.signedAttributes) }, {}, late)).toEqual({
      ok: false,
      message: "Phiên ký đã quá 10 phút; hãy ký lại từ đầu. Chưa có gì được ký.",
    });
    expect(await finalizeExternalSignature(head.actor, { pendingId: prepared.id, signature: await key.sign(prepared.signedAttributes) })).toMatchObject({ ok: true });

    // Signed with the server-held key in between: the prepared revision is of a document that is no longer current.
    const thirdKey = await externalKeyOf(third);
    const stale = (await prepare(third, thirdKey.certificate)).pending!;
    expect(await signAsHead(third)).toMatchObject({ ok: true });
    const sha256After = (await prisma.assignment.findUniqueOrThrow({ where: { id: third.assignment.id } })).documentSha256;
    expect(await finalizeExternalSignature(third.actor, { pendingId: stale.id, signature: await thirdKey.sign(stale.signedAttributes) })).toEqual({
      ok: false,
      message: "Bản cam kết đã thay đổi kể từ khi bạn mở trang; hãy tải lại trang và đọc lại trước khi ký.",
    });
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: third.assignment.id } })).documentSha256).toBe(sha256After);
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: third.assignment.id, kind: "SIGNED" } })).toBe(1);

    expect(await prepareExternalSignature(await createActor("CHAIRPERSON"), {})).toMatchObject({ ok: false });
  });
});

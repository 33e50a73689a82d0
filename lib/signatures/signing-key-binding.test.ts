import { describe, expect, it } from "vitest";
import { createCipheriv, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { parseMasterKey, decryptPrivateKey } from "@/lib/signing/key-encryption";
import { launchTestCampaign, signAsHead } from "@/lib/test/factories";
import { sha256Hex } from "@/lib/storage/file-store";
import { issueFreshCertificate } from "./user-certificate-store";
import { masterKeyText } from "./master-key";
import { sealKey } from "./open-stored-key";

const UNUSABLE = "Khóa ký của bạn không dùng được; liên hệ quản trị để cấp lại chứng thư.";

type Head = Awaited<ReturnType<typeof launchTestCampaign>>["heads"][number];
const sign = signAsHead;

async function nothingSigned(head: Head) {
  expect((await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } })).status).toBe("PENDING");
  expect(await prisma.assignmentDocument.count({ where: { assignmentId: head.assignment.id, kind: "SIGNED" } })).toBe(0);
}

/** Re-encrypts a stored key the way every key was stored before binding (v1: only the version byte as AAD). */
function legacyV1(pkcs8: Uint8Array): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", parseMasterKey(masterKeyText()), iv, { authTagLength: 16 });
  cipher.setAAD(Uint8Array.of(1));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return new Uint8Array(Buffer.concat([Uint8Array.of(1), iv, cipher.getAuthTag(), ciphertext]));
}

async function issueBoth(a: Head, b: Head) {
  const mine = await issueFreshCertificate(a.actor);
  const theirs = await issueFreshCertificate(b.actor);
  const plain = (row: typeof mine) =>
    decryptPrivateKey(new Uint8Array(row.encryptedKey!), parseMasterKey(masterKeyText()), { ownerId: row.userId, certificateSha256: sha256Hex(new Uint8Array(row.certDer)) });
  return { mine, theirs, plain };
}

describe("a stored signing key only works for its own user and certificate", () => {
  it("another user's encrypted key copied into my row is refused with a clear message; nothing is signed", async () => {
    const { heads } = await launchTestCampaign(2);
    const [me, other] = heads;
    const { mine, theirs } = await issueBoth(me, other);
    await prisma.userCertificate.update({ where: { id: mine.id }, data: { encryptedKey: new Uint8Array(theirs.encryptedKey!) } });
    expect(await sign(me)).toEqual({ ok: false, message: UNUSABLE });
    await nothingSigned(me);
  });

  it("an unbound legacy (v1) key from another user is caught by the certificate's public key", async () => {
    const { heads } = await launchTestCampaign(2);
    const [me, other] = heads;
    const { mine, theirs, plain } = await issueBoth(me, other);
    await prisma.userCertificate.update({ where: { id: mine.id }, data: { encryptedKey: legacyV1(plain(theirs)) } });
    expect(await sign(me)).toEqual({ ok: false, message: UNUSABLE });
    await nothingSigned(me);
  });

  it("a user's own legacy (v1) key still signs, and is re-encrypted bound to the user and certificate", async () => {
    const { heads } = await launchTestCampaign(2);
    const [me, other] = heads;
    const { mine, plain } = await issueBoth(me, other);
    await prisma.userCertificate.update({ where: { id: mine.id }, data: { encryptedKey: legacyV1(plain(mine)) } });
    expect(await sign(me)).toMatchObject({ ok: true });
    const rewrapped = await prisma.userCertificate.findUniqueOrThrow({ where: { id: mine.id } });
    expect(rewrapped.encryptedKey?.[0]).toBe(2);
    expect(Buffer.from(plain(rewrapped)).equals(Buffer.from(plain(mine)))).toBe(true);
  });

  it("a key is sealed only for its own certificate, so a bound key needs no public-key comparison when opened", async () => {
    const { heads } = await launchTestCampaign(2);
    const [a, b] = heads as [Head, Head];
    const { mine, theirs, plain } = await issueBoth(a, b);
    expect(() => sealKey(a.user.id, new Uint8Array(mine.certDer), plain(theirs))).toThrow("Refusing to seal a key that is not the certificate's own");
    expect(sealKey(a.user.id, new Uint8Array(mine.certDer), plain(mine))[0]).toBe(2);
  });
});

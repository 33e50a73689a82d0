import { webcrypto } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { createTestCa, issueTestKeyAndCertificate, type IssueOptions, type TestCa } from "@/lib/signing/testing/external-test-ca";
import { sha256Hex } from "@/lib/storage/file-store";
import { registerSigningCertificate } from "@/lib/signer-certificates/register-signing-certificate";

/** A test CA put on the trust list, as an admin would upload VGCA's root. */
export async function trustedTestCa(name = "Test VGCA Root"): Promise<TestCa> {
  const ca = await createTestCa(`${name} ${crypto.randomUUID().slice(0, 8)}`);
  const cert = ca.cert;
  await prisma.trustAnchor.create({
    data: { subject: cert.subject, certDer: new Uint8Array(ca.certDer), sha256Fingerprint: sha256Hex(ca.certDer), notBefore: cert.notBefore, notAfter: cert.notAfter },
  });
  return ca;
}

/**
 * A key the server never holds (made in WebCrypto, as a .p12 opened in the browser would be) with a
 * certificate from `ca` carrying the person's identifier, registered by them (so bound at once).
 */
export async function externalSignerFor(actor: Actor, ca: TestCa, options: Partial<IssueOptions> = {}) {
  const identifier = `CCCD:${Math.floor(Math.random() * 1e12)}`;
  await prisma.user.update({ where: { id: actor.id }, data: { certificateIdentifier: identifier.slice(5) } });
  const { keys, certDer } = await issueTestKeyAndCertificate(ca, { commonName: actor.fullName, extraSubject: { UID: identifier }, ...options });
  const certificate = Buffer.from(certDer).toString("base64");
  const registered = await registerSigningCertificate(actor, { method: "PKCS12", certificate });
  const sign = async (signedAttributes: string) =>
    Buffer.from(await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, keys.privateKey, Buffer.from(signedAttributes, "base64"))).toString("base64");
  return { certificate, certDer, registered, sign };
}

import type { Actor } from "@/lib/auth/find-active-user";
import { messagesFor } from "@/lib/i18n/messages-for";
import { createCityCaSigner } from "@/lib/signing/city-ca-signer";
import type { Signer } from "@/lib/signing/signer";
import { getCityCa } from "./city-ca-store";
import { SigningKeyUnusableError } from "./open-stored-key";
import { CertificateRevokedError, signingIdentityFrom, type StoredCertificate } from "./user-certificate-store";

export interface OpenedSigner {
  signer: Signer;
  /** What the stored revision and its audit event name. */
  certificate: { id: string; serialHex: string };
}

/**
 * The Signer for the certificate read with the assignment (today the city CA's key, opened for this
 * request; a licensed CA's remote signer plugs in here), made once per request — a bulk chunk signs every
 * revision with it — or the refusal to show the signer.
 */
export async function openSigner(actor: Actor, context: { certificate: StoredCertificate | null; serverKeyAllowed: boolean }, now: Date): Promise<OpenedSigner | { refusal: string }> {
  if (!context.serverKeyAllowed) return { refusal: messagesFor(actor).signing.results.methodNotAllowed };
  const stored = context.certificate;
  let identity;
  try {
    identity = await signingIdentityFrom(actor, stored, now);
  } catch (error) {
    if (error instanceof CertificateRevokedError) return { refusal: messagesFor(actor).signing.results.certificateRevoked };
    // Detail already logged by openStoredKey; the signer can only ask for a new certificate.
    if (error instanceof SigningKeyUnusableError) return { refusal: messagesFor(actor).common.signingKey.unusable };
    throw error;
  }
  const ca = await getCityCa();
  const signer = await createCityCaSigner({ certDer: identity.certDer, privateKeyPkcs8: identity.privateKeyPkcs8, issuerCertsDer: [ca.certDer] });
  return { signer, certificate: { id: identity.certificateId, serialHex: identity.serialHex } };
}

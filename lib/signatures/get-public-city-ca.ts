import { certificateFingerprint } from "@/lib/signing/certificate-fingerprint";
import { getCityCa } from "./city-ca-store";

/** What anyone may know about the city CA (never its key): for the public /ca page and its downloads. */
export type PublicCityCa = {
  subject: string;
  /** Uppercase hex, as `openssl x509 -noout -serial` prints it. */
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** As `openssl x509 -noout -fingerprint -sha256` / `-sha1` print them. */
  sha256Fingerprint: string;
  sha1Fingerprint: string;
  certPem: string;
  certDer: Uint8Array;
};

export async function getPublicCityCa(): Promise<PublicCityCa> {
  const ca = await getCityCa();
  return {
    subject: ca.subject,
    serial: ca.serialHex.toUpperCase(),
    notBefore: ca.notBefore,
    notAfter: ca.notAfter,
    sha256Fingerprint: certificateFingerprint(ca.certDer, "sha256"),
    sha1Fingerprint: certificateFingerprint(ca.certDer, "sha1"),
    certPem: ca.certPem,
    certDer: ca.certDer,
  };
}

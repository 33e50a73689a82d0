import { createHash } from "node:crypto";

export type FingerprintAlgorithm = "sha256" | "sha1";

/**
 * A fingerprint the way `openssl x509 -noout -fingerprint -sha256` prints it (uppercase hex pairs
 * joined by colons), so a person can compare what we publish with what their own openssl says,
 * character for character. Takes the certificate's DER, or an already computed hex digest (the
 * lowercase form stored in the database and manifest.json).
 */
export function formatFingerprint(digestHex: string): string {
  return (digestHex.toUpperCase().match(/../g) ?? []).join(":");
}

export function certificateFingerprint(certDer: Uint8Array, algorithm: FingerprintAlgorithm): string {
  return formatFingerprint(createHash(algorithm).update(certDer).digest("hex"));
}

/** The whole line openssl 3 prints for `openssl x509 -noout -fingerprint -<algorithm>`, label included. */
export function opensslFingerprintLine(fingerprint: string, algorithm: FingerprintAlgorithm): string {
  return `${algorithm} Fingerprint=${fingerprint}`;
}

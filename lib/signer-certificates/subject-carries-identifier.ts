import "reflect-metadata";
import * as x509 from "@peculiar/x509";

/**
 * Whether a certificate's subject carries the person's configured identifier (a citizen ID, a staff number)
 * as one attribute's whole value, or after a "TYPE:" prefix as VGCA writes it ("UID=CMND:0790…"). Compared
 * case-insensitively; an empty identifier never matches, so a user without one always needs an approval.
 */
export function subjectCarriesIdentifier(certificateDer: Uint8Array, identifier: string | null | undefined): boolean {
  const wanted = identifier?.trim().toLowerCase();
  if (!wanted) return false;
  const values = new x509.X509Certificate(new Uint8Array(certificateDer)).subjectName
    .toJSON()
    .flatMap((rdn) => Object.values(rdn).flat())
    .map((value) => value.trim().toLowerCase());
  return values.some((value) => value === wanted || value.endsWith(`:${wanted}`));
}

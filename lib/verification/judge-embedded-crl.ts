import type { ParsedCertificate } from "@/lib/trust/certificates";
import { readSignedCrl } from "@/lib/trust/read-signed-crl";

export type EmbeddedCrlAnswer =
  | { status: "GOOD"; thisUpdate: Date }
  | { status: "REVOKED"; revokedAt: Date; thisUpdate: Date }
  /** Under the issuer's name but not signed by its key, or expired before the signature's time. */
  | { status: "REJECTED"; reason: "unauthorisedSigner" }
  | { status: "REJECTED"; reason: "expired"; nextUpdate: Date | null }
  /** Unreadable, or another issuer's CRL: it says nothing about this certificate either way. */
  | { status: "NOT_ABOUT_IT"; reason: "malformed" | "otherIssuer" };

/**
 * What a CRL from a file's DSS says of `leaf` for a signature that existed at `proofOfExistence`: it counts only
 * when `issuer` signed it and it was still current then (nextUpdate not before that time; without a nextUpdate,
 * only a CRL issued after it). Listed: revoked, with the CRL's revocation date; not listed: good.
 */
export async function judgeEmbeddedCrl(bytes: Uint8Array, leaf: ParsedCertificate, issuer: ParsedCertificate, proofOfExistence: Date): Promise<EmbeddedCrlAnswer> {
  const signed = await readSignedCrl(bytes, issuer);
  if ("reason" in signed) return signed.reason === "badSignature" ? { status: "REJECTED", reason: "unauthorisedSigner" } : { status: "NOT_ABOUT_IT", reason: signed.reason };
  const { crl, revokedSerials } = signed;
  const coveredUntil = crl.nextUpdate ?? crl.thisUpdate;
  if (coveredUntil.getTime() < proofOfExistence.getTime()) return { status: "REJECTED", reason: "expired", nextUpdate: crl.nextUpdate ?? null };
  const revokedAt = revokedSerials.get(leaf.serialHex);
  return revokedAt ? { status: "REVOKED", revokedAt, thisUpdate: crl.thisUpdate } : { status: "GOOD", thisUpdate: crl.thisUpdate };
}

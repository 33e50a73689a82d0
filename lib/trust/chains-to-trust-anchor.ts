import type { TrustAnchorCheck } from "@/lib/signing/read-pdf-signatures";
import { buildPath, loadEnabledAnchors } from "./build-certificate-path";
import { parseCertificate, type ParsedCertificate } from "./certificates";

/**
 * For the verifier: whether a certificate chains, through the certificates its signature carries, to an enabled
 * trust anchor (a government CA on the trust list), with every issuer valid at `at` — the signature's proof of
 * existence, not today: a signature years old is judged as of when it was made. Revocation is judged apart, from
 * the file's validation data.
 */
export const chainsToTrustAnchor: TrustAnchorCheck = async (certDer, chainDer, at) => {
  const leaf = parseCertificate(certDer);
  if (!leaf) return false;
  const offered = chainDer.map(parseCertificate).filter((c): c is ParsedCertificate => c !== undefined);
  return buildPath(leaf, offered, await loadEnabledAnchors(), at).ok;
};

/** OIDs the CSC calls name. */
export const CSC_OID = {
  sha256: "2.16.840.1.101.3.4.2.1",
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsaEncryption: "1.2.840.113549.1.1.11",
} as const;

/** The signAlgo to ask for SHA-256 hashes, from the algorithms a credential's key supports. */
export function signAlgoFor(keyAlgos: readonly string[]): string | null {
  if (keyAlgos.includes(CSC_OID.ecdsaWithSha256) || keyAlgos.includes(CSC_OID.ecPublicKey)) return CSC_OID.ecdsaWithSha256;
  if (keyAlgos.includes(CSC_OID.sha256WithRsaEncryption)) return CSC_OID.sha256WithRsaEncryption;
  if (keyAlgos.includes(CSC_OID.rsaEncryption)) return CSC_OID.rsaEncryption;
  return null;
}

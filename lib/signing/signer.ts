/**
 * Anything that can produce a PDF signature: the city CA's in-memory keys today, a licensed CA's
 * remote signing service or a USB token later. `signPdf` hands over the SHA-256 of the bytes covered by
 * the PDF /ByteRange and embeds whatever CMS comes back, so implementations own the whole CMS.
 */
export interface Signer {
  /** DER certificates, the signer's first, then its issuers. */
  certificateChain(): Uint8Array[];
  /**
   * A detached CMS SignedData (DER) whose messageDigest is `contentDigest` (the SHA-256 of the signed
   * ranges), per PAdES (SubFilter ETSI.CAdES.detached): signed attributes contentType + messageDigest +
   * signing-certificate-v2, no signingTime.
   */
  sign(input: { contentDigest: Uint8Array }): Promise<Uint8Array>;
}

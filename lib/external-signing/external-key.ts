/**
 * A key the server never holds, as the review page sees it — a token behind the local agent, a .p12 opened
 * in the page, or (server-side) a remote CSC credential. Every way of signing ends in the same two server
 * calls: prepare (the server returns the DER signed attributes and their SHA-256 per document) and finalize
 * (the raw signature values go back). Browser-safe: no Node imports.
 */
export type ExternalSigningMethod = "AGENT" | "PKCS12" | "CSC";

/** One document's prepared signature, as the prepare call returns it (both base64 on the wire). */
export interface ToBeSigned {
  /** DER of the CAdES signed attributes (a SET, tag 0x31): what WebCrypto signs (it hashes itself). */
  signedAttributes: Uint8Array;
  /** SHA-256 of `signedAttributes`: what a token (CKM_ECDSA / raw RSA) or CSC signHash signs. */
  sha256: Uint8Array;
}

export interface ExternalKey {
  method: ExternalSigningMethod;
  /** The signer's certificate, DER. */
  certificate: Uint8Array;
  /** Issuer certificates as offered by the token / file / service (may be empty), DER. */
  chain: Uint8Array[];
  /** The remote-signing credential (CSC credentialID), for method "CSC". */
  credentialId?: string;
  /** Human label (subject CN, token label). */
  label: string;
  /**
   * Signs every item under one authorization (one PIN for the batch); returns one signature value per item,
   * in order: ECDSA r‖s or DER, or RSA PKCS#1 v1.5. Throws an Error whose message is safe to show.
   */
  sign(items: ToBeSigned[]): Promise<Uint8Array[]>;
  /**
   * Called synchronously in the click that starts signing, before any server call: what must happen while
   * the browser still counts the click (the agent's PIN window is opened here, or a popup blocker stops it).
   */
  prepareAuthorization?(): void;
  /** Undoes prepareAuthorization when nothing gets signed after all (every document refused at prepare). */
  releaseAuthorization?(): void;
}

import { children, readElement, type Element } from "./der";

/** The X.509 fields camket's byte-level writers need (CMS identities, OCSP CertIDs), as their own DER elements. */
export interface CertificateFields {
  serialNumber: Element;
  issuer: Element;
  subject: Element;
  /** The subjectPublicKey BIT STRING's key bytes (after its unused-bits byte): what an OCSP issuerKeyHash hashes. */
  publicKey: Uint8Array;
}

// Read once per certificate: the same few certificates (a signer's, the CA's, the responder's) serve every signature.
const cache = new WeakMap<Uint8Array, CertificateFields>();

export function certificateFields(certDer: Uint8Array): CertificateFields {
  let fields = cache.get(certDer);
  if (!fields) {
    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, … } }
    const tbs = children(readElement(certDer))[0];
    const all = tbs ? children(tbs) : [];
    const [serialNumber, , issuer, , subject, spki] = all[0]?.tag === 0xa0 ? all.slice(1) : all;
    const key = spki?.tag === 0x30 ? children(spki)[1] : undefined;
    if (serialNumber?.tag !== 0x02 || issuer?.tag !== 0x30 || subject?.tag !== 0x30 || key?.tag !== 0x03) throw new Error("Not an X.509 certificate");
    fields = { serialNumber, issuer, subject, publicKey: key.value.subarray(1) };
    cache.set(certDer, fields);
  }
  return fields;
}

import { children, readElement, type Element } from "@/lib/signing/der";

/** One certificate asked about: its CertID as the client encoded it (echoed back byte for byte) and its parts. */
export interface AskedCertificate {
  certId: Uint8Array;
  hashAlgorithm: Element;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  serialNumber: Uint8Array;
}

/**
 * An RFC 6960 OCSPRequest read at byte level: the CertIDs and the request's extensions (the nonce is echoed).
 * Throws on anything that is not one; the responder answers that with malformedRequest.
 */
export function readOcspRequest(der: Uint8Array): { asked: AskedCertificate[]; extensions: Element[] } {
  const request = readElement(der);
  if (request.tag !== 0x30 || request.raw.length !== der.length) throw new Error("OCSP: not a request");
  // TBSRequest ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, requestorName [1] EXPLICIT OPTIONAL, requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT OPTIONAL }
  const tbs = children(request)[0];
  if (tbs?.tag !== 0x30) throw new Error("OCSP: no TBSRequest");
  const fields = children(tbs);
  const requestList = fields.find((field) => field.tag === 0x30);
  const extensions = fields.find((field) => field.tag === 0xa2);
  if (!requestList) throw new Error("OCSP: no requestList");
  const asked = children(requestList).map((single) => {
    // Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT OPTIONAL }
    const certId = single.tag === 0x30 ? children(single)[0] : undefined;
    const parts = certId?.tag === 0x30 ? children(certId) : [];
    const [hashAlgorithm, nameHash, keyHash, serial] = parts;
    if (!certId || parts.length !== 4 || hashAlgorithm?.tag !== 0x30 || nameHash?.tag !== 0x04 || keyHash?.tag !== 0x04 || serial?.tag !== 0x02) {
      throw new Error("OCSP: malformed CertID");
    }
    return { certId: certId.raw, hashAlgorithm, issuerNameHash: nameHash.value, issuerKeyHash: keyHash.value, serialNumber: serial.value };
  });
  const extensionList = extensions ? children(extensions)[0] : undefined;
  return { asked, extensions: extensionList?.tag === 0x30 ? children(extensionList) : [] };
}

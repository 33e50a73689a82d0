import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { createHash, X509Certificate as NodeCertificate } from "node:crypto";
import { x509, type ParsedCertificate } from "./certificates";
import { CRL_TIMEOUT_MS, type RevocationEvidence } from "./check-crl-revocation";

const MAX_OCSP_BYTES = 256 * 1024;
const OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
/** How far a responder's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A GOOD or REVOKED answer keeps the response it came from: validation data to embed in the signed PDF (B-LT). */
export type OcspCheck =
  | { status: "GOOD"; url: string; evidence: RevocationEvidence }
  | { status: "REVOKED"; url: string; revokedAt: Date; evidence: RevocationEvidence }
  | { status: "UNKNOWN"; url?: string };

/** The http(s) OCSP responders a certificate names in its Authority Information Access. */
export function ocspUrlsOf(cert: ParsedCertificate): string[] {
  const aia = cert.cert.getExtension(x509.AuthorityInfoAccessExtension);
  if (!aia) return [];
  return aia.ocsp.map((name) => (name.type === "url" ? name.value : "")).filter((url) => /^https?:\/\//i.test(url));
}

/**
 * Asks the first OCSP responder the leaf names (RFC 6960, POST). The answer counts only when it is signed by
 * the issuer itself or by a responder certificate the issuer issued for OCSP signing, is about this exact
 * certificate, and is current; anything else is UNKNOWN.
 */
export async function checkOcspRevocation(leaf: ParsedCertificate, issuer: ParsedCertificate, now: Date): Promise<OcspCheck> {
  const url = ocspUrlsOf(leaf)[0];
  if (!url) return { status: "UNKNOWN" };
  try {
    const leafCert = pkijs.Certificate.fromBER(leaf.der);
    const issuerCert = pkijs.Certificate.fromBER(issuer.der);
    const request = new pkijs.OCSPRequest();
    await request.createForCertificate(leafCert, { hashAlgorithm: "SHA-256", issuerCertificate: issuerCert });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/ocsp-request" },
      body: Buffer.from(request.toSchema(true).toBER()),
      redirect: "error",
      signal: AbortSignal.timeout(CRL_TIMEOUT_MS),
    });
    if (!response.ok) return { status: "UNKNOWN", url };
    const bytes = new Uint8Array(await response.arrayBuffer()) as Uint8Array<ArrayBuffer>;
    if (bytes.length > MAX_OCSP_BYTES) return { status: "UNKNOWN", url };
    const answer = await judgeOcspResponse(bytes, leaf, issuer, now);
    const evidence = { kind: "ocsp", der: bytes } as const;
    if (answer.status === "REVOKED") return { status: "REVOKED", url, revokedAt: answer.revokedAt, evidence };
    return answer.status === "GOOD" ? { status: "GOOD", url, evidence } : { status: "UNKNOWN", url };
  } catch {
    return { status: "UNKNOWN", url };
  }
}

/**
 * Why a response proves nothing: unreadable or not successful, about another certificate, signed by a key the
 * issuer did not authorise, outside its own validity, or answering "unknown".
 */
export type OcspRejection = "malformed" | "otherCertificate" | "unauthorisedSigner" | "notCurrent" | "statusUnknown";

export type OcspAnswer = { status: "GOOD"; thisUpdate: Date } | { status: "REVOKED"; revokedAt: Date; thisUpdate: Date } | { status: "UNKNOWN"; reason: OcspRejection };

/**
 * What an OCSP response says of `leaf`, if it counts: signed by the issuer itself or by a responder
 * certificate the issuer issued for OCSP signing, about this exact certificate, and current at `at`. Without
 * `at` (a response embedded in a PDF's DSS years ago) it is judged at its own thisUpdate, when it was made.
 */
export async function judgeOcspResponse(bytes: Uint8Array, leaf: ParsedCertificate, issuer: ParsedCertificate, at?: Date): Promise<OcspAnswer> {
  // The verifier asks this of every embedded response for every certificate of every signature, and a file's
  // DSS grows with each revision: a profile of issuance (which verifies the stored file) put a third of its time
  // here, parsing the same responses again. The answer depends only on these inputs.
  const key = `${createHash("sha256").update(bytes).digest("hex")} ${leaf.sha256Fingerprint} ${issuer.sha256Fingerprint} ${at?.getTime() ?? "own"}`;
  let answer = judged.get(key);
  if (!answer) {
    answer = judgeUncached(bytes, leaf, issuer, at);
    if (judged.size >= MAX_JUDGED) judged.clear();
    judged.set(key, answer);
  }
  return answer;
}

const judged = new Map<string, Promise<OcspAnswer>>();
const MAX_JUDGED = 5_000;

async function judgeUncached(bytes: Uint8Array, leaf: ParsedCertificate, issuer: ParsedCertificate, at?: Date): Promise<OcspAnswer> {
  try {
    const leafCert = pkijs.Certificate.fromBER(leaf.der);
    const issuerCert = pkijs.Certificate.fromBER(issuer.der);
    const ocsp = pkijs.OCSPResponse.fromBER(new Uint8Array(bytes));
    if (ocsp.responseStatus.valueBlock.valueDec !== 0 || !ocsp.responseBytes) return { status: "UNKNOWN", reason: "malformed" };
    const basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(ocsp.responseBytes.response.valueBlock.valueHexView));
    let single: pkijs.SingleResponse | undefined;
    for (const r of basic.tbsResponseData.responses) {
      if (await isAboutLeaf(r.certID, leafCert, issuerCert)) {
        single = r;
        break;
      }
    }
    if (!single) return { status: "UNKNOWN", reason: "otherCertificate" };
    const now = at ?? single.thisUpdate;
    if (!(await signedByIssuerOrItsResponder(basic, issuer, now))) return { status: "UNKNOWN", reason: "unauthorisedSigner" };
    if (single.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS || (single.nextUpdate && single.nextUpdate.getTime() < now.getTime())) return { status: "UNKNOWN", reason: "notCurrent" };
    const status = single.certStatus as asn1js.BaseBlock;
    const thisUpdate = single.thisUpdate;
    if (status.idBlock.tagClass === 3 && status.idBlock.tagNumber === 0) return { status: "GOOD", thisUpdate };
    if (status.idBlock.tagClass === 3 && status.idBlock.tagNumber === 1) {
      const inner = (status as asn1js.Constructed).valueBlock.value[0];
      const revokedAt = inner instanceof asn1js.GeneralizedTime ? inner.toDate() : now;
      return { status: "REVOKED", revokedAt, thisUpdate };
    }
    return { status: "UNKNOWN", reason: "statusUnknown" };
  } catch {
    return { status: "UNKNOWN", reason: "malformed" };
  }
}

/** The answer is about the leaf: our CertID, computed with the hash the responder used (often SHA-1), is equal. */
async function isAboutLeaf(theirs: pkijs.CertID, leaf: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  const hash = pkijs.getCrypto(true).getAlgorithmByOID(theirs.hashAlgorithm.algorithmId, true, "CertID.hashAlgorithm");
  const ours = new pkijs.CertID();
  await ours.createForCertificate(leaf, { hashAlgorithm: hash.name, issuerCertificate: issuer });
  return theirs.isEqual(ours);
}

async function signedByIssuerOrItsResponder(basic: pkijs.BasicOCSPResponse, issuer: ParsedCertificate, now: Date): Promise<boolean> {
  const issuerCert = pkijs.Certificate.fromBER(issuer.der);
  if (await verifiesWith(basic, issuerCert)) return true;
  for (const cert of basic.certs ?? []) {
    const der = new Uint8Array(cert.toSchema(true).toBER());
    let node: NodeCertificate;
    let peculiar: x509.X509Certificate;
    try {
      node = new NodeCertificate(Buffer.from(der));
      peculiar = new x509.X509Certificate(der);
    } catch {
      continue;
    }
    const eku = peculiar.getExtension(x509.ExtendedKeyUsageExtension);
    const forOcsp = eku?.usages.some((u) => String(u) === OCSP_SIGNING) ?? false;
    const current = peculiar.notBefore.getTime() <= now.getTime() && now.getTime() <= peculiar.notAfter.getTime();
    let issued = false;
    try {
      issued = node.checkIssued(issuer.node) && node.verify(issuer.node.publicKey);
    } catch {
      issued = false;
    }
    if (forOcsp && current && issued && (await verifiesWith(basic, cert))) return true;
  }
  return false;
}

async function verifiesWith(basic: pkijs.BasicOCSPResponse, cert: pkijs.Certificate): Promise<boolean> {
  try {
    // Only the signature: who may sign is decided above, not by pkijs's chain building.
    return await (basic as unknown as { verifyResponseSignature(c: pkijs.Certificate): Promise<boolean> }).verifyResponseSignature(cert);
  } catch {
    return false;
  }
}

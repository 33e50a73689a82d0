import { getCityCa } from "@/lib/signatures/city-ca-store";
import { extractSignatureCms } from "@/lib/signing/read-pdf-signatures";
import { certificatesWithTimestampOf } from "@/lib/signing/cms-structure";
import { ocspResponseForCertificate } from "@/lib/revocation/ocsp-response-for-certificate";
import { getOcspResponder } from "@/lib/revocation/get-ocsp-responder";
import { fetchRevocationEvidence } from "@/lib/trust/fetch-revocation-evidence";
import { getBuiltInTsa } from "@/lib/timestamping/get-built-in-tsa";
import { currentTimestamper } from "@/lib/timestamping/current-timestamper";
import { appendDssRevision } from "./append-dss-revision";
import { lastByteRange, vriKeyOf } from "@/lib/signing/vri-key";
import { sameBytes } from "@/lib/signing/der";

/**
 * PAdES B-LT for the signature the last revision added: its signer's chain, its time-stamp token's chain, and
 * an OCSP response for every certificate of theirs the city CA issued (signed by the responder, whose own
 * certificate comes along and needs no check), appended as a DSS revision. `vouched` are certificates the
 * caller has just read as good (the signer's chain), so they cost no query, like the built-in TSA's own. A foreign
 * CA's certificate (a token or remote-signing key from the trust list) gets what its own CA answered when it was
 * checked for this signature (`fetched`: OCSP responses, CRLs); another one (a configured TSA's) is asked of its
 * CA now. Without an answer the verifier says B-T and why.
 */
export async function addSignatureValidationData(pdf: Uint8Array, vouched: Uint8Array[], now: Date, fetched: FetchedValidationData = NONE): Promise<Uint8Array> {
  const byteRange = lastByteRange(pdf);
  const certs = unique(certificatesWithTimestampOf(extractSignatureCms(pdf, byteRange)));
  const ca = await getCityCa();
  // The built-in TSA's certificate is a service certificate, which is never revoked; with a configured TSA the
  // built-in one is not touched (nor created).
  const trustedNow = currentTimestamper().source === "built-in" ? [...vouched, (await getBuiltInTsa()).certDer] : vouched;
  const ocsps: Uint8Array[] = [];
  const crls = [...fetched.crls];
  for (const cert of certs) {
    if (sameBytes(cert, ca.certDer)) continue;
    const vouchedFor = trustedNow.some((v) => sameBytes(v, cert));
    const response = await ocspResponseForCertificate(cert, now, vouchedFor ? { status: "good" } : undefined);
    if (response) ocsps.push(response);
    // A foreign CA's certificate the caller has not checked (a configured TSA's chain): asked of its own CA.
    else if (!vouchedFor) {
      const evidence = await fetchRevocationEvidence(cert, certs, now);
      if (evidence) (evidence.kind === "ocsp" ? ocsps : crls).push(evidence.der);
    }
  }
  // Every response is signed by this process's responder, whose certificate (id-pkix-ocsp-nocheck) comes along.
  const responderCerts = ocsps.length > 0 ? [(await getOcspResponder(now)).certDer] : [];
  return appendDssRevision(pdf, [{ vriKey: vriKeyOf(pdf, byteRange), certs: unique([...certs, ...responderCerts]), ocsps: [...ocsps, ...fetched.ocsps], crls }], now);
}

/** Revocation data a foreign CA gave for the signer's certificate and its issuers (lib/trust). */
export type FetchedValidationData = { ocsps: Uint8Array[]; crls: Uint8Array[] };
const NONE: FetchedValidationData = { ocsps: [], crls: [] };


function unique(list: Uint8Array[]): Uint8Array[] {
  return list.filter((der, i) => list.findIndex((other) => sameBytes(other, der)) === i);
}

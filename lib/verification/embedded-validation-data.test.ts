import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { createActor } from "@/lib/test/factories";
import { buildCrl } from "@/lib/revocation/build-crl";
import { ocspResponseForCertificate } from "@/lib/revocation/ocsp-response-for-certificate";
import { createTestCa, createTestCrl } from "@/lib/signing/testing/external-test-ca";
import { ocspResponderOf, ocspResponse } from "@/lib/trust/testing/trust-fixtures";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { cityCaAsTestCa, ocspRequestFor, otherKeyPkcs8, signedByCityCa, withDss } from "./testing/validation-data-fixtures";
import { verifyUploadedPdf, type PdfVerification } from "./verify-uploaded-pdf";

const DAY = 86_400_000;

async function verify(pdf: Uint8Array, locale: "vi" | "en" = "vi") {
  const actor = await createActor("AUDITOR");
  const result = await verifyUploadedPdf({ ...actor, locale }, pdf, "dss.pdf");
  if (!result.ok) throw new Error(result.message);
  return result as Extract<PdfVerification, { ok: true }>;
}

// Issue 15, bad input: the validation data a file carries is checked like the network's, and what does not
// count is named, never passed over in silence.
describe("a file's own OCSP responses and CRLs", () => {
  it("an OCSP response signed by a key the CA did not authorise (a CA certificate without OCSPSigning, a self-made one) is rejected with that reason: B-T", async () => {
    const { ca, person, pdf, tsaCertDer } = await signedByCityCa();
    const request = await ocspRequestFor(person.certDer, ca.certDer);
    const tsaGood = (await ocspResponseForCertificate(tsaCertDer, new Date(), { status: "good" }))!;
    const withoutOcspSigning = await ocspResponderOf(await cityCaAsTestCa(ca), false);
    const selfMade = await createTestCa("Tự cấp OCSP");
    for (const signer of [withoutOcspSigning, selfMade]) {
      const forged = await ocspResponse(request, signer, "good", true);
      const result = await verify(withDss(pdf, { certs: [person.certDer, ca.certDer], ocsps: [forged, tsaGood] }));
      expect(result.signatures[0]).toMatchObject({ valid: true, level: "B-T", revocation: { checked: false } });
      expect(result.signatures[0]!.shortfalls).toContain(
        "phản hồi OCSP trong tệp cho chứng thư của người ký được ký bằng khóa mà tổ chức cấp chứng thư không ủy quyền, nên không được dùng",
      );
      expect(result.rejectedValidationData).toEqual([expect.objectContaining({ kind: "ocsp", reason: "unauthorisedSigner", certificate: "signer", signature: "Lê Văn Tám" })]);
    }
  });

  it("an OCSP response about another certificate, or a CRL from another CA, is rejected with that reason, in Vietnamese and in English", async () => {
    const { ca, person, pdf, tsaCertDer } = await signedByCityCa();
    const other = await ocspResponseForCertificate((await signedByCityCa()).person.certDer, new Date(), { status: "good" });
    const tsaGood = (await ocspResponseForCertificate(tsaCertDer, new Date(), { status: "good" }))!;
    const foreignCrl = await createTestCrl(await createTestCa("CA khác"), []);
    const file = withDss(pdf, { certs: [person.certDer, ca.certDer], ocsps: [other!, tsaGood], crls: [foreignCrl] });
    const vi = await verify(file);
    expect(vi.signatures[0]).toMatchObject({ level: "B-T", revocation: { checked: false } });
    expect(vi.signatures[0]!.shortfalls).toEqual(expect.arrayContaining([expect.stringContaining("phản hồi OCSP trong tệp là về một chứng thư khác")]));
    expect(vi.rejectedValidationData.map((r) => [r.kind, r.reason, r.certificate, r.signature])).toEqual([
      ["ocsp", "otherCertificate", null, null],
      ["crl", "otherIssuer", null, null],
    ]);
    const en = await verify(file, "en");
    expect(en.signatures[0]!.shortfalls).toEqual(
      expect.arrayContaining([
        "the file's OCSP response is about another certificate, none of this file's signatures', so it is not used",
        "the file holds a CRL from another issuer, about none of this file's signatures' certificates",
      ]),
    );
  });

  it("a CRL the CA signed, current at the timestamp, is enough for B-LT without any OCSP response", async () => {
    const { ca, person, pdf } = await signedByCityCa();
    const result = await verify(withDss(pdf, { certs: [person.certDer, ca.certDer], crls: [await buildCrl(ca, [], new Date())] }));
    expect(result.signatures[0]).toMatchObject({ valid: true, level: "B-LT", revocation: { checked: true, source: "dss", status: "good", revokedAt: null } });
    expect(result.rejectedValidationData).toEqual([]);
  });

  it("a CRL listing the signer's serial makes it revoked, with the CRL's revocation date", async () => {
    const { ca, person, pdf } = await signedByCityCa();
    const revokedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - DAY);
    const crl = await buildCrl(ca, [{ serialHex: person.serialHex, revokedAt }], new Date());
    const result = await verify(withDss(pdf, { certs: [person.certDer, ca.certDer], crls: [crl] }));
    expect(result.verdict).toBe("invalid");
    expect(result.signatures[0]!.revocation).toMatchObject({ checked: true, source: "dss", status: "revoked", revokedAt: formatSigningTime(revokedAt) });
  });

  it("an expired CRL (its nextUpdate before the timestamp) is rejected with both times: B-T", async () => {
    const { ca, person, pdf, tsaCertDer, timestampTime } = await signedByCityCa();
    const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000 - 3 * DAY);
    const expired = await buildCrl(ca, [], thisUpdate);
    const tsaGood = (await ocspResponseForCertificate(tsaCertDer, new Date(), { status: "good" }))!;
    const result = await verify(withDss(pdf, { certs: [person.certDer, ca.certDer], ocsps: [tsaGood], crls: [expired] }));
    expect(result.signatures[0]).toMatchObject({ valid: true, level: "B-T" });
    const nextUpdate = formatSigningTime(new Date(thisUpdate.getTime() + DAY));
    expect(result.signatures[0]!.shortfalls).toContain(
      `CRL trong tệp cho chứng thư của người ký đã hết hạn (${nextUpdate}) trước thời điểm của chữ ký (${formatSigningTime(timestampTime)}), nên không được dùng`,
    );
    expect(result.rejectedValidationData).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "crl", reason: "expired", certificate: "signer" })]));
  });

  it("a CRL under the CA's name signed by another key is rejected, and proves no revocation either", async () => {
    const { ca, person, pdf, tsaCertDer } = await signedByCityCa();
    const forged = await buildCrl({ certDer: ca.certDer, privateKeyPkcs8: await otherKeyPkcs8() }, [{ serialHex: person.serialHex, revokedAt: new Date() }], new Date());
    const tsaGood = (await ocspResponseForCertificate(tsaCertDer, new Date(), { status: "good" }))!;
    const result = await verify(withDss(pdf, { certs: [person.certDer, ca.certDer], ocsps: [tsaGood], crls: [forged] }));
    expect(result.signatures[0]).toMatchObject({ valid: true, level: "B-T", revocation: { checked: false } });
    expect(result.signatures[0]!.shortfalls).toContain(
      "CRL trong tệp mang tên tổ chức cấp chứng thư của người ký nhưng không được ký bằng khóa của tổ chức đó, nên không được dùng",
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareSignature, embedSignature } from "./sign-pdf";
import { assembleSignedData, signedAttributesDer } from "./cms-signed-data";
import { checkExternalSignature } from "./check-external-signature";
import { extractSignatureCms, readPdfSignatures } from "./read-pdf-signatures";
import { signedRangesContent } from "./pdf-signature-placeholder";
import { createSamplePdf } from "./testing/sample-pdf";
import { createSignaturePng } from "./testing/signature-png";
import { SIGNING_TIME } from "./testing/sign-fixtures";
import { createTrustingNssDb, opensslCmsVerify, qpdfCheck, runPdfsig, tempDir } from "./testing/external-tools";
import { createTestCa } from "./testing/external-test-ca";
import { answerApproval, CAMKET_ORIGIN, startAgentHarness, type AgentHarness } from "./testing/agent-harness";
import { AgentClient } from "@/lib/external-signing/agent-client";

/**
 * A USB token end to end: a key generated on a SoftHSM2 token (never extractable), a certificate for it from a
 * CA that is not the city's, the two-phase PAdES pipeline, and the signature made by the signing agent over
 * HTTP after the PIN is typed on its approval page — judged by pdfsig, openssl and qpdf.
 */

let harness: AgentHarness;
let dir: string;

beforeAll(async () => {
  harness = await startAgentHarness({ commonName: "Nguyễn Văn Đức" });
  dir = await tempDir("camket-token-");
});
afterAll(() => harness?.close());

describe("signing a PDF with a token through the agent", () => {
  it("gives a PAdES signature pdfsig finds valid and trusted, openssl verifies and qpdf finds clean", async () => {
    const client = new AgentClient({
      baseUrl: harness.baseUrl,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: CAMKET_ORIGIN } }),
      openApprovalWindow: (url) => {
        // The person types the PIN in the agent's window.
        void answerApproval(harness.baseUrl, url.split("/approve/")[1]!, { pin: harness.token.pin });
        return { close() {} };
      },
    });
    await client.pair(harness.newCode());
    const [key] = await client.listKeys();
    expect(key).toBeDefined();
    // The token holds the issuing CA too: the CMS carries the whole path so pdfsig can build it.
    const chain = [key!.certificate, ...key!.chain];
    expect(chain).toHaveLength(2);

    const pdf = await createSamplePdf(2);
    const prepared = await prepareSignature(
      {
        pdf,
        fieldName: "NguoiCamKet",
        slot: { page: 0, x: 60, y: 50, width: 230, height: 120 },
        appearance: { imagePng: createSignaturePng(), lines: ["Nguyễn Văn Đức", "Trưởng phòng", "Ký bằng token"] },
        signingTime: SIGNING_TIME,
        name: "Nguyễn Văn Đức",
        reason: "Người đứng đầu ký cam kết thực hiện công tác cải cách hành chính",
      },
      chain,
    );
    const signedAttributes = signedAttributesDer({ contentDigest: prepared.contentDigest, signerCertDer: key!.certificate });
    const sha256 = new Uint8Array(createHash("sha256").update(signedAttributes).digest());
    const [signature] = await key!.sign([{ signedAttributes, sha256 }]);

    const check = checkExternalSignature(signedAttributes, signature!, key!.certificate);
    expect(check).toMatchObject({ ok: true, signatureAlgorithmOid: "1.2.840.10045.4.3.2" });
    if (!check.ok) return;
    const cms = assembleSignedData({ signedAttributes, signature: check.signatureValue, signatureAlgorithmOid: check.signatureAlgorithmOid, certificateChain: chain });
    const signed = await embedSignature(prepared, cms);
    const file = path.join(dir, "token-signed.pdf");
    await writeFile(file, signed);

    const report = await runPdfsig(file, await createTrustingNssDb(harness.ca.certPem));
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ commonName: "Nguyễn Văn Đức", totalDocumentSigned: true, validation: "Signature is Valid.", certificateValidation: "Certificate is Trusted." });

    const { byteRange } = (await readPdfSignatures(signed))[0]!;
    const openssl = await opensslCmsVerify(extractSignatureCms(signed, byteRange), signedRangesContent(signed, byteRange), harness.ca.certPem);
    expect(openssl.output).toContain("Verification successful");

    const qpdf = await qpdfCheck(file);
    expect(qpdf.output).toContain("No syntax or stream encoding errors found");
    expect(qpdf.code).toBe(0);

    // Trusting another CA instead, the same file is not trusted: the check above is not vacuous.
    const other = await createTestCa("Another CA");
    const untrusted = await runPdfsig(file, await createTrustingNssDb(other.certPem));
    expect(untrusted.signatures[0]?.certificateValidation).not.toBe("Certificate is Trusted.");
  });
});

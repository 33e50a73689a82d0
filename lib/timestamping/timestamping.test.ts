import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { prisma } from "@/lib/db/client";
import { getCityCa, certificatePem } from "@/lib/signatures/city-ca-store";
import { getFile } from "@/lib/storage/file-store";
import { extractSignatureCms, readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { OID } from "@/lib/signing/oids";
import { run, tempDir } from "@/lib/signing/testing/external-tools";
import { launchTestCampaign, signAsHead } from "@/lib/test/factories";
import { writeTemp } from "@/lib/test/pdf-tools";
import { POST as postTsa } from "@/app/ca/tsa/route";
import { answerTimestampRequest } from "./answer-timestamp-request";
import { getBuiltInTsa } from "./get-built-in-tsa";
import { sha256Hex } from "@/lib/storage/file-store";
import { startTestTsa } from "@/lib/signing/test-tsa";
import { createTestCrl } from "@/lib/signing/testing/external-test-ca";
import { trustedTestCa } from "@/lib/test/external-signer";
import { startFileServer } from "@/lib/trust/testing/trust-fixtures";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";

// Trusted time on every signature (issue 15 item 2): the built-in TSA judged by `openssl ts`, B-T by default,
// and a failing configured TSA refused (or, configured so, B-B) — audited either way, never silent.

let caPem: string;
beforeAll(async () => {
  caPem = writeTemp(new TextEncoder().encode(certificatePem((await getCityCa()).certDer)), "ca.pem");
});
afterEach(() => vi.unstubAllEnvs());

async function tsaReply(query: Uint8Array) {
  const response = await postTsa(new Request("http://x/ca/tsa", { method: "POST", body: Buffer.from(query) }));
  expect(response.headers.get("content-type")).toBe("application/timestamp-reply");
  return new Uint8Array(await response.arrayBuffer());
}

describe("the built-in TSA (POST /ca/tsa)", () => {
  it("grants a token openssl verifies against the city CA alone, for the query's data and nonce", async () => {
    const dir = await tempDir();
    const data = path.join(dir, "data.txt");
    await import("node:fs/promises").then((fs) => fs.writeFile(data, "Cam kết CCHC 2017"));
    const query = path.join(dir, "q.tsq");
    await run("openssl", ["ts", "-query", "-data", data, "-sha256", "-cert", "-out", query]);
    const reply = path.join(dir, "r.tsr");
    await import("node:fs/promises").then(async (fs) => fs.writeFile(reply, await tsaReply(readFileSync(query))));
    const verified = await run("openssl", ["ts", "-verify", "-in", reply, "-queryfile", query, "-CAfile", caPem]);
    expect(verified.output).toContain("Verification: OK");
    const text = (await run("openssl", ["ts", "-reply", "-in", reply, "-text"])).output;
    expect(text).toContain("Status: Granted.");
    expect(text).toMatch(/Nonce: 0x/);
  });

  it("rejects SHA-1 (badAlg) and bytes that are no request (badRequest)", async () => {
    const sha1 = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: "1.3.14.3.2.26" }), hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(20) }) }),
    });
    for (const [query, info] of [[new Uint8Array(sha1.toSchema().toBER()), "unrecognized or unsupported algorithm"], [new TextEncoder().encode("rác"), "transaction not permitted or supported"]] as const) {
      const text = (await run("openssl", ["ts", "-reply", "-in", writeTemp(await tsaReply(query), "bad.tsr"), "-text"])).output;
      expect(text).toContain("Status: Rejected.");
      if (info.startsWith("unrecognized")) expect(text).toContain(info);
    }
  });
});

describe("every signature is B-T by default", () => {
  it("a server-key signature made with no TSA configured carries a token from the built-in TSA that openssl verifies", async () => {
    vi.stubEnv("CAMKET_TSA_URL", "");
    const [head] = (await launchTestCampaign(1)).heads;
    expect(await signAsHead(head!)).toMatchObject({ ok: true });
    const { documentSha256 } = await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } });
    const pdf = (await getFile(documentSha256))!;
    const [info] = await readPdfSignatures(pdf);
    expect(Math.abs(info!.timestampTime!.getTime() - Date.now())).toBeLessThan(60_000);

    const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(extractSignatureCms(pdf, info!.byteRange)).content });
    const signerInfo = signedData.signerInfos[0]!;
    const token = signerInfo.unsignedAttrs!.attributes.find((a) => a.type === OID.signatureTimeStampToken)!.values[0]!.toBER();
    const tokenFile = writeTemp(new Uint8Array(token), "token.der");
    const valueFile = writeTemp(new Uint8Array(signerInfo.signature.valueBlock.valueHexView), "value.bin");
    expect((await run("openssl", ["ts", "-verify", "-token_in", "-in", tokenFile, "-data", valueFile, "-CAfile", caPem])).output).toContain("Verification: OK");
    const tsa = await getBuiltInTsa();
    expect((await run("openssl", ["x509", "-inform", "DER", "-in", writeTemp(tsa.certDer, "tsa.der"), "-noout", "-text"])).output).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
  });
});

describe("a configured TSA that fails", () => {
  let server: Server;
  let mode: "garbage" | "http500" | "otherDigest" | "wrongNonce" = "garbage";
  beforeAll(async () => {
    const tsa = await getBuiltInTsa();
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", async () => {
        if (mode === "http500") return res.writeHead(500).end();
        if (mode === "garbage") return res.writeHead(200, { "Content-Type": "application/timestamp-reply" }).end("<html>proxy</html>");
        const request = pkijs.TimeStampReq.fromBER(new Uint8Array(Buffer.concat(chunks)));
        if (mode === "otherDigest") request.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(7) });
        if (mode === "wrongNonce") request.nonce = new asn1js.Integer({ value: 42 });
        res.writeHead(200, { "Content-Type": "application/timestamp-reply" }).end(Buffer.from(await answerTimestampRequest(tsa, new Uint8Array(request.toSchema().toBER()))));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;

  it.each(["garbage", "http500", "otherDigest", "wrongNonce", "unreachable"] as const)("%s: refuses with the TSA named, stores nothing, and records it", async (failure) => {
    vi.stubEnv("CAMKET_TSA_URL", failure === "unreachable" ? "http://127.0.0.1:9/tsa" : url());
    if (failure !== "unreachable") mode = failure;
    const [head] = (await launchTestCampaign(1)).heads;
    const result = await signAsHead(head!);
    expect(result.ok).toBe(false);
    expect(result.message).toContain("Máy chủ dấu thời gian (127.0.0.1:");
    expect(result.message).toContain("chưa được ký");
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } });
    expect(assignment).toMatchObject({ status: "PENDING", documentSha256: head!.assignment.documentSha256 });
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: assignment.id, kind: "SIGNED" } })).toBe(0);
    const events = await prisma.auditEvent.findMany({ where: { assignmentId: assignment.id, type: { in: ["ASSIGNMENT_SIGNED", "TIMESTAMP_UNAVAILABLE"] } } });
    expect(events.map((e) => e.type)).toEqual(["TIMESTAMP_UNAVAILABLE"]);
    expect(events[0]!.data).toMatchObject({ fallback: false });
  });

  it("with CAMKET_TSA_FALLBACK=b-b signs without a timestamp (B-B) and records that it did", async () => {
    vi.stubEnv("CAMKET_TSA_URL", url());
    vi.stubEnv("CAMKET_TSA_FALLBACK", "b-b");
    mode = "http500";
    const [head] = (await launchTestCampaign(1)).heads;
    expect(await signAsHead(head!)).toMatchObject({ ok: true });
    const { documentSha256 } = await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } });
    const [info] = await readPdfSignatures((await getFile(documentSha256))!);
    expect(info!.valid).toBe(true);
    expect(info!.timestampTime).toBeUndefined();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assignmentId: head!.assignment.id, type: "TIMESTAMP_UNAVAILABLE" } });
    expect(event.data).toMatchObject({ fallback: true });
  });
});

describe("a configured TSA whose certificate comes from a CA on the trust list (the national TSA)", () => {
  it("its token is trusted time (B-T) and its CA's CRL goes into the DSS, so the signature is B-LT from the file alone", async () => {
    const root = await trustedTestCa("Test National TSA Root");
    const crlServer = await startFileServer();
    const crl = await createTestCrl(root, []);
    crlServer.serve("/tsa-root.crl", crl);
    const privateKeyPkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", root.keys.privateKey));
    const tsa = await startTestTsa({ certDer: root.certDer, privateKeyPkcs8 }, { crlUrl: crlServer.url("/tsa-root.crl") });
    try {
      vi.stubEnv("CAMKET_TSA_URL", tsa.url);
      const [head] = (await launchTestCampaign(1)).heads;
      expect(await signAsHead(head!)).toMatchObject({ ok: true });
      const { documentSha256 } = await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } });
      const pdf = (await getFile(documentSha256))!;
      const [info] = await readPdfSignatures(pdf);
      expect(info!.timestampCertificate?.sha256Fingerprint).toBe(sha256Hex(tsa.certDer));
      expect(info!.dss!.crls.map((der) => Buffer.from(der).toString("hex"))).toEqual([Buffer.from(crl).toString("hex")]);
      // Offline: the CRL server is gone.
      await crlServer.close();
      const verified = await verifyUploadedPdf(head!.actor, pdf, "tsa-quoc-gia.pdf");
      expect(verified.ok && verified.signatures.map((s) => [s.level, s.valid])).toEqual([["B-LT", true]]);
    } finally {
      await tsa.close();
      await crlServer.close().catch(() => {});
    }
  });
});

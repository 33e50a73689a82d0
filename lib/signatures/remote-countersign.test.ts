import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { sha256Hex } from "@/lib/storage/file-store";
import { buildAuthorizationRequest } from "@/lib/csc/build-authorization-request";
import { saveCscTokens } from "@/lib/csc/csc-account-store";
import { cscConfigFromEnv } from "@/lib/csc/csc-config";
import { exchangeAuthorizationCode } from "@/lib/csc/exchange-authorization-code";
import { listCscCredentialsForSigner } from "@/lib/csc/list-csc-credentials-for-signer";
import { sendCscOtpForSigner } from "@/lib/csc/send-csc-otp-for-signer";
import { signHashesForSigner } from "@/lib/csc/sign-hashes-for-signer";
import { startCscTestServer, type CscTestServer } from "@/lib/csc/testing/csc-test-server";
import { decideCertificateBinding } from "@/lib/signer-certificates/decide-certificate-binding";
import { registerSigningCertificate } from "@/lib/signer-certificates/register-signing-certificate";
import type { Actor } from "@/lib/auth/find-active-user";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { prepareExternalSignatures } from "./prepare-external-signatures";
import { finalizeExternalSignatures } from "./finalize-external-signatures";

// The chairperson's bulk countersignature through a remote-signing provider (CSC API v2, the local test
// provider backed by a SoftHSM2 key): the same prepare/finalize as every way of signing, one authorization.
const REDIRECT_URI = "http://localhost:3000/api/csc/callback";
let server: CscTestServer;
let chair: Actor;
let credentialId: string;
let certificate: string;
const ENV = ["CAMKET_CSC_BASE_URL", "CAMKET_CSC_CLIENT_ID", "CAMKET_CSC_CLIENT_SECRET"] as const;

beforeAll(async () => {
  server = await startCscTestServer({ redirectUri: REDIRECT_URI, multisign: 20 });
  Object.assign(process.env, { CAMKET_CSC_BASE_URL: server.baseUrl, CAMKET_CSC_CLIENT_ID: server.clientId, CAMKET_CSC_CLIENT_SECRET: server.clientSecret });
  const ca = server.ca;
  await prisma.trustAnchor.create({ data: { subject: ca.cert.subject, certDer: new Uint8Array(ca.certDer), sha256Fingerprint: sha256Hex(ca.certDer), notBefore: ca.cert.notBefore, notAfter: ca.cert.notAfter } });

  chair = await createActor("CHAIRPERSON");
  const config = cscConfigFromEnv()!;
  const request = buildAuthorizationRequest(config, REDIRECT_URI);
  const location = new URL((await fetch(request.url, { redirect: "manual" })).headers.get("location")!);
  await saveCscTokens(chair.id, await exchangeAuthorizationCode(config, { code: location.searchParams.get("code")!, redirectUri: REDIRECT_URI, codeVerifier: request.codeVerifier }));

  const [credential] = (await listCscCredentialsForSigner(chair)).credentials!;
  credentialId = credential!.credentialId;
  certificate = credential!.certificates[0]!;
  const registered = await registerSigningCertificate(chair, { method: "CSC", certificate, chain: credential!.certificates.slice(1), cscCredentialId: credentialId });
  expect(registered).toMatchObject({ ok: true, message: expect.stringContaining("Phòng Nội vụ cần duyệt") });
  expect(await decideCertificateBinding(await createActor("ADMIN"), { certificateId: registered.certificateId, decision: "approve" })).toMatchObject({ ok: true });
});
afterAll(async () => {
  for (const name of ENV) delete process.env[name];
  await server?.close();
});

async function signedByHeads(count: number) {
  const { heads } = await launchTestCampaign(count);
  for (const head of heads) expect(await signAsHead(head)).toMatchObject({ ok: true });
  return heads.map((h) => h.assignment.id);
}
const statuses = async (ids: string[]) => (await prisma.assignment.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((a) => a.status);

describe("bulk countersign with a remote-signing credential", () => {
  it("20 documents, one PIN/OTP authorization: all countersigned", async () => {
    const ids = await signedByHeads(20);
    const prepared = await prepareExternalSignatures(chair, { assignmentIds: ids, method: "CSC", certificate, signatureImage: signatureDataUrl() });
    expect(prepared.pending).toHaveLength(20);
    expect(await sendCscOtpForSigner(chair, credentialId)).toEqual({ ok: true });
    const authorizeCalls = server.calls["credentials/authorize"] ?? 0;
    const signed = await signHashesForSigner(chair, { credentialId, hashes: prepared.pending!.map((p) => p.sha256), pin: server.pin, otp: server.lastOtp! });
    expect(server.calls["credentials/authorize"]).toBe(authorizeCalls + 1);
    const finalized = await finalizeExternalSignatures(chair, { signatures: prepared.pending!.map((p, i) => ({ pendingId: p.id, signature: signed.signatures![i]! })) });
    expect(finalized.outcomes?.filter((o) => o.ok)).toHaveLength(20);
    expect(new Set(await statuses(ids))).toEqual(new Set(["COMPLETED"]));
  });

  it("a wrong OTP: a clear message, nothing countersigned", async () => {
    const ids = await signedByHeads(3);
    const prepared = await prepareExternalSignatures(chair, { assignmentIds: ids, method: "CSC", certificate, signatureImage: signatureDataUrl() });
    const hashes = prepared.pending!.map((p) => p.sha256);
    await sendCscOtpForSigner(chair, credentialId);
    const wrong = await signHashesForSigner(chair, { credentialId, hashes, pin: server.pin, otp: "000000" === server.lastOtp ? "111111" : "000000" });
    expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/OTP/) });
    expect(new Set(await statuses(ids))).toEqual(new Set(["SIGNED"]));
  });
});

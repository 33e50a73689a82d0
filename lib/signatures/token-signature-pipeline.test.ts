import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getFile, sha256Hex } from "@/lib/storage/file-store";
import { AgentClient } from "@/lib/external-signing/agent-client";
import { signWithExternalKey, type ServerPhases } from "@/lib/external-signing/sign-with-external-key";
import { extractSignatureCms, readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { signedRangesContent } from "@/lib/signing/pdf-signature-placeholder";
import { createTrustingNssDb, opensslCmsVerify, qpdfCheck, runPdfsig } from "@/lib/signing/testing/external-tools";
import { answerApproval, CAMKET_ORIGIN, startAgentHarness, type AgentHarness } from "@/lib/signing/testing/agent-harness";
import { privateKeyAttributes } from "@/lib/signing/testing/softhsm-token";
import { writeTemp } from "@/lib/test/pdf-tools";
import { launchTestCampaign, signatureDataUrl } from "@/lib/test/factories";
import { decideCertificateBinding } from "@/lib/signer-certificates/decide-certificate-binding";
import { registerSigningCertificate } from "@/lib/signer-certificates/register-signing-certificate";
import { createActor } from "@/lib/test/factories";
import type { Actor } from "@/lib/auth/find-active-user";
import { prepareExternalSignatures } from "./prepare-external-signatures";
import { finalizeExternalSignatures } from "./finalize-external-signatures";

// The whole path of a token signature, as the review page runs it: the agent (SoftHSM2 behind it, key never
// extractable) lists the token's certificate; the page's orchestrator registers it (the admin approves the
// binding), prepares, has the agent sign after the PIN is typed in the agent's window, and finalizes — the
// stored PDF judged by pdfsig, openssl and qpdf.
let harness: AgentHarness;

beforeAll(async () => {
  harness = await startAgentHarness({ commonName: "Nguyễn Văn Đức" });
  const ca = harness.ca;
  await prisma.trustAnchor.create({ data: { subject: ca.cert.subject, certDer: new Uint8Array(ca.certDer), sha256Fingerprint: sha256Hex(ca.certDer), notBefore: ca.cert.notBefore, notAfter: ca.cert.notAfter } });
});
afterAll(() => harness?.close());

const serverFor = (actor: Actor, extras: object): ServerPhases => ({
  register: (input) => registerSigningCertificate(actor, input),
  prepare: (input) => prepareExternalSignatures(actor, { ...input, ...extras }),
  finalize: (input) => finalizeExternalSignatures(actor, input),
});

describe("a head signs with a USB token through the agent, in the one pipeline", () => {
  it("register → approve → prepare → agent signs (PIN in the agent) → finalize: stored, valid and trusted", async () => {
    const { heads } = await launchTestCampaign(1);
    const head = heads[0]!;
    const client = new AgentClient({
      baseUrl: harness.baseUrl,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: CAMKET_ORIGIN } }),
      openApprovalWindow: (url) => {
        void answerApproval(harness.baseUrl, url.split("/approve/")[1]!, { pin: harness.token.pin });
        return { close() {}, closed: false };
      },
    });
    await client.pair(harness.newCode());
    const [key] = await client.listKeys();
    const server = serverFor(head.actor, { reviewedSha256: head.assignment.documentSha256, signatureImage: signatureDataUrl() });

    // First attempt: registered, but not bound until the admin approves — nothing signed.
    const [waiting] = await signWithExternalKey(key!, [[head.assignment.id]], server);
    expect(waiting).toMatchObject({ ok: false, message: expect.stringContaining("chờ Phòng Nội vụ duyệt") });
    const certificate = await prisma.userCertificate.findFirstOrThrow({ where: { userId: head.actor.id, method: "AGENT" } });
    expect(certificate.encryptedKey).toBeNull();
    expect(await decideCertificateBinding(await createActor("ADMIN"), { certificateId: certificate.id, decision: "approve" })).toMatchObject({ ok: true });

    const [outcome] = await signWithExternalKey(key!, [[head.assignment.id]], server);
    expect(outcome).toMatchObject({ ok: true });
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    expect(assignment.status).toBe("SIGNED");
    const signed = (await getFile(assignment.documentSha256))!;
    const file = writeTemp(signed);
    const [result] = (await runPdfsig(file, await createTrustingNssDb(harness.ca.certPem))).signatures;
    expect([result?.validation, result?.certificateValidation]).toEqual(["Signature is Valid.", "Certificate is Trusted."]);
    const { byteRange } = (await readPdfSignatures(signed))[0]!;
    expect((await opensslCmsVerify(extractSignatureCms(signed, byteRange), signedRangesContent(signed, byteRange), harness.ca.certPem)).output).toContain("Verification successful");
    expect((await qpdfCheck(file)).code).toBe(0);
    expect(privateKeyAttributes(harness.token, harness.key.id)).toMatchObject({ extractable: false, sensitive: true, neverExtractable: true });
  });

  it("bad input changes nothing and leaves the assignment signable: garbage or oversized certificate and signature", async () => {
    const { heads } = await launchTestCampaign(1);
    const head = heads[0]!;
    const base = { assignmentIds: [head.assignment.id], reviewedSha256: head.assignment.documentSha256, method: "AGENT", signatureImage: signatureDataUrl() };
    for (const certificate of ["không-phải-base64", Buffer.from("rác").toString("base64"), Buffer.alloc(30_000).toString("base64")]) {
      expect(await prepareExternalSignatures(head.actor, { ...base, certificate })).toMatchObject({ ok: false, message: expect.any(String) });
    }
    expect(await registerSigningCertificate(head.actor, { method: "AGENT", certificate: Buffer.alloc(300, 7).toString("base64") })).toMatchObject({ ok: false });
    for (const signature of ["", "@@@", Buffer.alloc(4000).toString("base64")]) {
      expect(await finalizeExternalSignatures(head.actor, { signatures: [{ pendingId: crypto.randomUUID(), signature }] })).toMatchObject({ ok: false });
    }
    expect(await prisma.pendingSignature.count({ where: { userId: head.actor.id } })).toBe(0);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } })).status).toBe("PENDING");
  });
});

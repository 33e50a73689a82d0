import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { getFile } from "@/lib/storage/file-store";
import type { TestCa } from "@/lib/signing/testing/external-test-ca";
import { prepareExternalSignatures } from "@/lib/signatures/prepare-external-signatures";
import { finalizeExternalSignatures } from "@/lib/signatures/finalize-external-signatures";
import { closeCampaign } from "@/lib/campaigns/close-campaign";
import { pdfText, writeTemp } from "@/lib/test/pdf-tools";
import { externalSignerFor, trustedTestCa } from "@/lib/test/external-signer";
import { actorFor, createTestUser, launchTestCampaign, signatureDataUrl } from "@/lib/test/factories";
import { vi as m } from "@/lib/i18n/messages/vi";
import { grantDelegation } from "./grant-delegation";
import { revokeDelegation } from "./revoke-delegation";

let ca: TestCa;
beforeAll(async () => {
  ca = await trustedTestCa("Delegation Test Root");
});

type Launched = Awaited<ReturnType<typeof launchTestCampaign>>;
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** A launched unit, its deputy holding a delegation from today, and the deputy's external key. */
async function deputyWithKey(): Promise<{ launched: Launched; deputy: Actor; delegationId: string; signer: Awaited<ReturnType<typeof externalSignerFor>> }> {
  const launched = await launchTestCampaign(1);
  const head = launched.heads[0]!;
  const user = await createTestUser({ role: "DEPUTY", unitId: head.unit.id });
  await prisma.user.update({ where: { id: user.id }, data: { jobTitle: "Phó Chủ tịch UBND phường" } });
  const deputy = await actorFor(user.id);
  const granted = await grantDelegation(launched.admin, { principalId: head.user.id, deputyId: deputy.id, validFrom: today(), validUntil: today() });
  if (!granted.id) throw new Error(granted.message);
  return { launched, deputy, delegationId: granted.id, signer: await externalSignerFor(deputy, ca) };
}

const prepare = (deputy: Actor, head: Launched["heads"][number], certificate: string) =>
  prepareExternalSignatures(deputy, {
    assignmentIds: [head.assignment.id],
    reviewedSha256: head.assignment.documentSha256,
    method: "PKCS12",
    certificate,
    signatureImage: signatureDataUrl(),
  });

describe("a deputy signs for the head with a key the server never holds", () => {
  it("prepare and finalize as the deputy: KT. on the stamp, the delegation on the document row", async () => {
    const { launched, deputy, delegationId, signer } = await deputyWithKey();
    const head = launched.heads[0]!;
    const prepared = await prepare(deputy, head, signer.certificate);
    expect(prepared).toMatchObject({ ok: true });
    const pending = prepared.pending![0]!;
    const finalized = await finalizeExternalSignatures(deputy, { signatures: [{ pendingId: pending.id, signature: await signer.sign(pending.signedAttributes) }] });
    expect(finalized).toMatchObject({ ok: true, message: m.signing.results.signed });
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    expect(assignment.status).toBe("SIGNED");
    const document = await prisma.assignmentDocument.findFirstOrThrow({ where: { assignmentId: assignment.id, kind: "SIGNED" } });
    expect(document).toMatchObject({ delegationId, certificateId: signer.registered.certificateId, createdById: deputy.id });
    expect(pdfText(writeTemp((await getFile(assignment.documentSha256))!, "external-deputy.pdf"))).toContain("KT. CHỦ TỊCH");
  });

  it("revoked or the campaign closed between prepare and finalize: refused, nothing signed", async () => {
    for (const change of ["revoke", "close"] as const) {
      const { launched, deputy, delegationId, signer } = await deputyWithKey();
      const head = launched.heads[0]!;
      const prepared = await prepare(deputy, head, signer.certificate);
      const pending = prepared.pending![0]!;
      if (change === "revoke") expect(await revokeDelegation(launched.admin, { delegationId })).toMatchObject({ ok: true });
      else expect(await closeCampaign(launched.admin, { campaignId: launched.campaignId, confirm: "on" })).toMatchObject({ ok: true });
      const finalized = await finalizeExternalSignatures(deputy, { signatures: [{ pendingId: pending.id, signature: await signer.sign(pending.signedAttributes) }] });
      expect(finalized).toMatchObject({ ok: false, message: change === "revoke" ? m.delegation.refusals.none : m.closing.refusals.closed });
      const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
      expect([assignment.status, assignment.documentSha256]).toEqual(["PENDING", head.assignment.documentSha256]);
      // And a fresh prepare now says why.
      const again = await prepare(deputy, head, signer.certificate);
      expect(again.ok).toBe(false);
      expect(again.message).toMatch(change === "revoke" ? /đã bị thu hồi/ : /^Chiến dịch đã đóng/);
    }
  });
});

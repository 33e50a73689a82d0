import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { getFile } from "@/lib/storage/file-store";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { listMyAssignments } from "@/lib/assignments/list-my-assignments";
import { createTrustingNssDb, runPdfsig } from "@/lib/signing/testing/external-tools";
import { pdfText, writeTemp } from "@/lib/test/pdf-tools";
import { actorFor, createActor, createTestUser, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { vi as m } from "@/lib/i18n/messages/vi";
import { grantDelegation } from "./grant-delegation";
import { revokeDelegation } from "./revoke-delegation";

const PASSWORD = "MatKhau@123";
let nssDb: string;
beforeAll(async () => {
  nssDb = await createTrustingNssDb((await getCityCa()).certPem);
});

/** A deputy of `unitId` with a deputy's title (the stamp prints it). */
async function createDeputy(unitId: string | null, jobTitle = "Phó Chủ tịch UBND phường"): Promise<Actor> {
  const user = await createTestUser({ role: "DEPUTY", unitId, password: PASSWORD });
  await prisma.user.update({ where: { id: user.id }, data: { jobTitle } });
  return actorFor(user.id);
}

const day = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const DAY = 86_400_000;

async function grant(admin: Actor, principalId: string, deputyId: string, now = new Date(), extra: Record<string, unknown> = {}) {
  const result = await grantDelegation(admin, { principalId, deputyId, validFrom: day(now), validUntil: day(new Date(now.getTime() + 7 * DAY)), reason: "Chủ tịch đi công tác", ...extra }, {}, now);
  if (!result.ok || !result.id) throw new Error(result.message);
  return result.id;
}

const signAsDeputy = (deputy: Actor, assignment: { id: string; documentSha256: string }, now?: Date) =>
  signAssignment(deputy, { assignmentId: assignment.id, reviewedSha256: assignment.documentSha256, password: PASSWORD, signatureImage: signatureDataUrl() }, { actorId: deputy.id, actorEmail: deputy.email }, now);

const fingerprint = async (assignmentId: string) => {
  const [a, docs, events] = await Promise.all([
    prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { status: true, documentSha256: true } }),
    prisma.assignmentDocument.count({ where: { assignmentId } }),
    prisma.auditEvent.count({ where: { assignmentId } }),
  ]);
  return { ...a, docs, events };
};

describe("granting a delegation", () => {
  it("refuses each wrong choice with its own message and changes nothing; a good grant is audited", async () => {
    const { admin, heads } = await launchTestCampaign(2);
    const [head, otherHead] = heads;
    const deputy = await createDeputy(head!.unit.id);
    const auditor = await createActor("AUDITOR");
    const now = new Date();
    const from = day(now);
    const base = { principalId: head!.user.id, deputyId: deputy.id, validFrom: from, validUntil: from };
    const before = await prisma.delegation.count();

    expect(await grantDelegation(auditor, base)).toMatchObject({ ok: false, message: m.common.form.forbidden });
    expect(await grantDelegation(admin, { ...base, principalId: deputy.id })).toMatchObject({ ok: false, message: m.delegation.results.principalInvalid });
    expect(await grantDelegation(admin, { ...base, deputyId: otherHead!.user.id })).toMatchObject({ ok: false, message: m.delegation.results.deputyInvalid });
    expect(await grantDelegation(admin, { ...base, principalId: otherHead!.user.id })).toMatchObject({ ok: false, message: m.delegation.results.deputyOtherUnit });
    const yesterday = day(new Date(now.getTime() - DAY));
    expect(await grantDelegation(admin, { ...base, validUntil: yesterday })).toMatchObject({ ok: false, message: m.delegation.results.untilBeforeFrom });
    expect(await grantDelegation(admin, { ...base, validUntil: day(new Date(now.getTime() + 400 * DAY)) })).toMatchObject({ ok: false, message: "Thời hạn ủy quyền tối đa 366 ngày." });
    expect(await grantDelegation(admin, { ...base, validUntil: "2026-02-31" })).toMatchObject({ ok: false, fieldErrors: { validUntil: ["Hiệu lực đến ngày không phải là một ngày có thật"] } });
    expect(await prisma.delegation.count()).toBe(before);

    const granted = await grantDelegation(admin, base, { actorId: admin.id });
    expect(granted).toMatchObject({ ok: true });
    const row = await prisma.delegation.findUniqueOrThrow({ where: { id: granted.id } });
    expect(row).toMatchObject({ kind: "KT", principalId: head!.user.id, deputyId: deputy.id, revokedAt: null });
    // From 00:00 of the first day to the end of the last, Vietnam time.
    expect(row.validFrom.toISOString()).toBe(new Date(`${from}T00:00:00.000+07:00`).toISOString());
    expect(row.validUntil.toISOString()).toBe(new Date(`${from}T23:59:59.999+07:00`).toISOString());
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { type: "ADMIN_CHANGE", actorId: admin.id }, orderBy: { id: "desc" } });
    expect(event.data).toMatchObject({ action: "grant-delegation", delegationId: granted.id, principalId: head!.user.id, deputyId: deputy.id, kind: "KT" });
  });
});

describe("a deputy signs on behalf of the head", () => {
  it("within the period: own certificate and name, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH on the stamp, the delegation on the document row and in the audit trail", async () => {
    const { admin, heads } = await launchTestCampaign(1);
    const [head] = heads;
    const deputy = await createDeputy(head!.unit.id);
    const delegationId = await grant(admin, head!.user.id, deputy.id);

    expect((await listMyAssignments(deputy)).map((a) => a.id)).toEqual([head!.assignment.id]);
    expect((await getAssignmentForActor(deputy, head!.assignment.id))?.actingUnder).toMatchObject({ role: "HEAD", delegation: { id: delegationId } });

    expect(await signAsDeputy(deputy, head!.assignment)).toMatchObject({ ok: true, message: m.signing.results.signed });
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } });
    expect(assignment.status).toBe("SIGNED");
    const document = await prisma.assignmentDocument.findFirstOrThrow({ where: { assignmentId: assignment.id, kind: "SIGNED" }, include: { certificate: { select: { userId: true } } } });
    expect(document).toMatchObject({ delegationId, createdById: deputy.id, certificate: { userId: deputy.id } });

    const file = writeTemp((await getFile(assignment.documentSha256))!, "deputy-signed.pdf");
    const text = pdfText(file);
    expect(text).toContain("KT. CHỦ TỊCH");
    expect(text).toContain("PHÓ CHỦ TỊCH");
    expect(text).toContain(deputy.fullName);
    const sig = await runPdfsig(file, nssDb);
    expect(sig.signatures).toHaveLength(1);
    expect(sig.signatures[0]).toMatchObject({ validation: "Signature is Valid.", commonName: deputy.fullName });

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assignmentId: assignment.id, type: "ASSIGNMENT_SIGNED" } });
    expect(event.actorId).toBe(deputy.id);
    expect(event.data).toMatchObject({ delegation: { id: delegationId, principalId: head!.user.id, kind: "KT" } });
  });

  it("the head can still sign themselves while a delegation holds; Q. prints the acting title alone", async () => {
    const { admin, heads } = await launchTestCampaign(2);
    const [first, second] = heads;
    const firstDeputy = await createDeputy(first!.unit.id);
    await grant(admin, first!.user.id, firstDeputy.id);
    expect(await signAsHead(first!)).toMatchObject({ ok: true });
    const signedByHead = await prisma.assignmentDocument.findFirstOrThrow({ where: { assignmentId: first!.assignment.id, kind: "SIGNED" } });
    expect(signedByHead.delegationId).toBeNull();
    // Already signed by the head: the deputy is refused, nothing changes.
    const before = await fingerprint(first!.assignment.id);
    expect(await signAsDeputy(firstDeputy, first!.assignment)).toMatchObject({ ok: false, message: m.signing.results.alreadySigned });
    expect(await fingerprint(first!.assignment.id)).toEqual(before);

    const acting = await createDeputy(second!.unit.id);
    await grant(admin, second!.user.id, acting.id, new Date(), { kind: "Q" });
    expect(await signAsDeputy(acting, second!.assignment)).toMatchObject({ ok: true });
    const a = await prisma.assignment.findUniqueOrThrow({ where: { id: second!.assignment.id } });
    const text = pdfText(writeTemp((await getFile(a.documentSha256))!, "acting.pdf"));
    expect(text).toContain("Q. CHỦ TỊCH");
    expect(text).not.toContain("PHÓ CHỦ TỊCH");
  });

  it("outside the period, revoked, another unit's deputy or no delegation: a clear refusal, nothing changes", async () => {
    const { admin, heads } = await launchTestCampaign(2);
    const [head, other] = heads;
    const now = new Date();
    const deputy = await createDeputy(head!.unit.id);
    const delegationId = await grant(admin, head!.user.id, deputy.id, now);
    const before = await fingerprint(head!.assignment.id);

    // Not yet in force (a day before its first day) and expired (after its last).
    const tooEarly = await signAsDeputy(deputy, head!.assignment, new Date(now.getTime() - 2 * DAY));
    expect(tooEarly.ok).toBe(false);
    expect(tooEarly.message).toMatch(/^Ủy quyền ký thay .* chỉ có hiệu lực từ \d\d\/\d\d\/\d{4}; chưa ký được/);
    const tooLate = await signAsDeputy(deputy, head!.assignment, new Date(now.getTime() + 9 * DAY));
    expect(tooLate.ok).toBe(false);
    expect(tooLate.message).toMatch(/^Ủy quyền ký thay .* đã hết hạn lúc/);
    expect(await getAssignmentForActor(deputy, head!.assignment.id, new Date(now.getTime() + 9 * DAY))).toBeNull();
    expect(await listMyAssignments(deputy, new Date(now.getTime() + 9 * DAY))).toEqual([]);

    expect(await revokeDelegation(admin, { delegationId })).toMatchObject({ ok: true });
    expect(await revokeDelegation(admin, { delegationId })).toMatchObject({ ok: false, message: m.delegation.results.alreadyRevoked });
    const revoked = await signAsDeputy(deputy, head!.assignment);
    expect(revoked.message).toMatch(/đã bị thu hồi; không ký được/);
    expect(await getAssignmentForActor(deputy, head!.assignment.id)).toBeNull();

    // A deputy of another unit (the grant refuses it; a row written around the check is refused at signing).
    const stranger = await createDeputy(other!.unit.id);
    await prisma.delegation.create({ data: { principalId: head!.user.id, deputyId: stranger.id, validFrom: new Date(now.getTime() - DAY), validUntil: new Date(now.getTime() + DAY) } });
    expect(await signAsDeputy(stranger, head!.assignment)).toMatchObject({ ok: false, message: m.delegation.refusals.otherUnit });

    // No delegation at all: the commitment is simply not there.
    const nobody = await createDeputy(head!.unit.id);
    expect(await signAsDeputy(nobody, head!.assignment)).toMatchObject({ ok: false, message: m.signing.results.notFound });
    expect(await getAssignmentForActor(nobody, head!.assignment.id)).toBeNull();
    expect(await listMyAssignments(nobody)).toEqual([]);

    expect(await fingerprint(head!.assignment.id)).toEqual(before);
  });
});

describe("the vice-chairperson countersigns under the chairperson's delegation", () => {
  it("KT. CHỦ TỊCH on the countersignature, with the delegation recorded; without one, refused", async () => {
    const { admin, heads } = await launchTestCampaign(1);
    const [head] = heads;
    expect(await signAsHead(head!)).toMatchObject({ ok: true });
    const chair = await createActor("CHAIRPERSON");
    await prisma.user.update({ where: { id: chair.id }, data: { jobTitle: "Chủ tịch UBND thành phố" } });
    const vice = await createDeputy(null, "Phó Chủ tịch UBND thành phố");
    const outsider = await createDeputy(null, "Phó Chủ tịch UBND thành phố");
    expect(await startCountersigning(outsider, PASSWORD)).toMatchObject({ ok: false, message: m.delegation.refusals.none });

    const delegationId = await grant(admin, chair.id, vice.id);
    expect((await listMyAssignments(vice)).map((a) => a.id)).toContain(head!.assignment.id);
    const start = await startCountersigning(vice, PASSWORD);
    expect(start.ok).toBe(true);
    expect(await countersignAssignment(vice, { assignmentId: head!.assignment.id, grant: start.grant, signatureImage: signatureDataUrl() })).toMatchObject({ ok: true });
    const a = await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } });
    expect(a.status).toBe("COMPLETED");
    const doc = await prisma.assignmentDocument.findFirstOrThrow({ where: { assignmentId: a.id, kind: "COUNTERSIGNED" } });
    expect(doc.delegationId).toBe(delegationId);
    const file = writeTemp((await getFile(a.documentSha256))!, "vice-countersigned.pdf");
    expect(pdfText(file)).toContain("KT. CHỦ TỊCH");
    const sig = await runPdfsig(file, nssDb);
    // Then the completion's document timestamp (B-LTA), which pdfsig 22.12 lists but cannot check.
    expect(sig.signatures.map((s) => [s.documentTimestamp ? "document timestamp" : s.validation, s.commonName])).toEqual([
      ["Signature is Valid.", head!.user.fullName],
      ["Signature is Valid.", vice.fullName],
      ["document timestamp", expect.any(String)],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getFile } from "@/lib/storage/file-store";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { declineAssignment } from "@/lib/signatures/decline-assignment";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { pdfText, writeTemp } from "@/lib/test/pdf-tools";
import { actorFor, createTestUser, launchTestCampaign } from "@/lib/test/factories";
import { saveUser } from "@/lib/users/save-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { assignUnitHead } from "./assign-unit-head";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
const textOf = async (sha256: string) => pdfText(writeTemp((await getFile(sha256))!));
const live = (campaignId: string, unitId: string) =>
  prisma.assignment.findFirstOrThrow({ where: { campaignId, unitId, status: { not: "SUPERSEDED" } }, include: { documents: true } });
const signInput = (a: { id: string; documentSha256: string }) => ({ assignmentId: a.id, reviewedSha256: a.documentSha256, password: "MatKhau@123", signatureImage: png });
const storedFor = async (assignmentIds: string[]) => ({
  documents: await prisma.assignmentDocument.count({ where: { assignmentId: { in: assignmentIds } } }),
  events: await prisma.auditEvent.count({ where: { assignmentId: { in: assignmentIds } } }),
});

describe("a new unit head and the unit's commitments", () => {
  it("reissues unsigned commitments (pending, declined) in the new head's name, keeps history, notifies them; signed ones are untouched", async () => {
    const { admin, campaignId, heads } = await launchTestCampaign(3);
    const [pending, signed, declined] = heads;
    expect((await signAssignment(signed.actor, signInput(signed.assignment))).ok).toBe(true);
    expect((await declineAssignment(declined.actor, declined.assignment.id, { reason: "Số liệu cần được cập nhật lại." })).ok).toBe(true);
    const [newPending, newSigned, newDeclined] = await Promise.all([1, 2, 3].map(() => createTestUser({ role: "UNIT_HEAD" })));

    const result = await assignUnitHead(admin, pending.unit.id, newPending.id);
    expect(result).toEqual({
      ok: true,
      message: `${newPending.fullName} là người đứng đầu ${pending.unit.name}. 1 bản cam kết chưa ký của đơn vị đã được phát hành lại mang tên ${newPending.fullName}, và ${newPending.fullName} đã được báo để ký.`,
    });

    // The live revision names the new head, in the record and in the PDF's own words.
    const reissued = await live(campaignId, pending.unit.id);
    expect(reissued).toMatchObject({ revision: 2, status: "PENDING", headUserId: newPending.id, headName: newPending.fullName, headTitle: newPending.jobTitle });
    const text = await textOf(reissued.documentSha256);
    expect(text).toContain(newPending.fullName);
    expect(text).not.toContain(pending.user.fullName);
    // History: the first revision and its document stay, superseded.
    const first = await prisma.assignment.findUniqueOrThrow({ where: { id: pending.assignment.id }, include: { documents: true } });
    expect(first).toMatchObject({ status: "SUPERSEDED", headName: pending.user.fullName });
    expect(first.documents.map((d) => d.sha256)).toEqual([pending.assignment.documentSha256]);
    expect(await textOf(pending.assignment.documentSha256)).toContain(pending.user.fullName);
    // Audit event and the new head's message (outbox without SMTP), each tied to the new revision.
    const events = await prisma.auditEvent.findMany({ where: { assignmentId: reissued.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["ASSIGNMENT_REISSUED", "REMINDER_SENT"]);
    expect(events[0].data).toMatchObject({ previousAssignmentId: pending.assignment.id, revision: 2, reason: "head-changed", previousHeadUserId: pending.user.id, headUserId: newPending.id });
    const [message] = await prisma.reminder.findMany({ where: { assignmentId: reissued.id } });
    expect(message).toMatchObject({ recipientEmail: newPending.email, channel: "OUTBOX", sentById: admin.id });
    expect(message.body).toContain(`Kính gửi đồng chí ${newPending.fullName},`);
    expect(message.body).toContain(`/cam-ket/${reissued.id}`);

    // The new head signs their own revision; the signed PDF still reads their name.
    const newHead = await actorFor(newPending.id);
    expect((await signAssignment(newHead, signInput(reissued))).ok).toBe(true);
    expect(await textOf((await live(campaignId, pending.unit.id)).documentSha256)).toContain(newPending.fullName);

    // Signed: nothing changes, not even a message.
    expect((await assignUnitHead(admin, signed.unit.id, newSigned.id)).message).toBe(`${newSigned.fullName} là người đứng đầu ${signed.unit.name}.`);
    const stillSigned = await live(campaignId, signed.unit.id);
    expect(stillSigned).toMatchObject({ id: signed.assignment.id, revision: 1, status: "SIGNED", headUserId: signed.user.id, headName: signed.user.fullName });
    expect(await prisma.reminder.count({ where: { recipientEmail: newSigned.email } })).toBe(0);

    // Declined: reissued for the new head too (the old head's decline reason stays on the history).
    expect((await assignUnitHead(admin, declined.unit.id, newDeclined.id)).ok).toBe(true);
    expect(await live(campaignId, declined.unit.id)).toMatchObject({ revision: 2, status: "PENDING", headUserId: newDeclined.id });
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: declined.assignment.id } })).toMatchObject({
      status: "SUPERSEDED",
      declineReason: "Số liệu cần được cập nhật lại.",
    });
  });

  it("the previous head cannot sign, even with a session opened before the change; nothing is stored", async () => {
    const { admin, campaignId, heads } = await launchTestCampaign(1);
    const [old] = heads;
    const staleActor = old.actor; // as loaded before the change (unit still set)
    const newUser = await createTestUser({ role: "UNIT_HEAD" });
    expect((await assignUnitHead(admin, old.unit.id, newUser.id)).ok).toBe(true);
    const reissued = await live(campaignId, old.unit.id);
    const before = await storedFor([old.assignment.id, reissued.id]);

    expect(await signAssignment(staleActor, signInput(reissued))).toEqual({
      ok: false,
      message: `Bản cam kết này mang tên ${newUser.fullName}; chỉ người có tên trên văn bản được ký. Chưa có gì được ký.`,
    });
    expect(await signAssignment(staleActor, signInput(old.assignment))).toEqual({
      ok: false,
      message: "Bản cam kết này đã được thay thế bằng bản phát hành lại; hãy mở bản mới trong danh sách.",
    });
    // With a fresh session the old head no longer belongs to the unit: the commitment is simply not there.
    expect(await signAssignment(await actorFor(old.user.id), signInput(reissued))).toEqual({ ok: false, message: "Không tìm thấy bản cam kết." });
    expect(await storedFor([old.assignment.id, reissued.id])).toEqual(before);
    expect((await live(campaignId, old.unit.id)).status).toBe("PENDING");
  });

  it("a unit head not named on the document (moved in by another path) is refused; nothing is stored", async () => {
    const { heads } = await launchTestCampaign(1);
    const [old] = heads;
    // A head who reached the unit without a reissue (e.g. a direct edit): the document still names the old one.
    await prisma.user.update({ where: { id: old.user.id }, data: { unitId: null } });
    const intruder = await createTestUser({ role: "UNIT_HEAD", unitId: old.unit.id });
    const before = await storedFor([old.assignment.id]);
    expect(await signAssignment({ ...(await actorFor(intruder.id)), locale: "en" }, signInput(old.assignment))).toEqual({
      ok: false,
      message: `This commitment is in the name of ${old.user.fullName}; only the person named on it may sign. Nothing was signed.`,
    });
    expect(await storedFor([old.assignment.id])).toEqual(before);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: old.assignment.id } })).status).toBe("PENDING");
  });

  it("a head placed by the user form (created into the unit, or reactivated there) gets the unsigned commitment reissued too; the old head cannot decline it", async () => {
    const { admin, campaignId, heads } = await launchTestCampaign(2);
    const [created, reactivated] = heads;

    // The old head leaves; a new account is created straight into the unit as its head.
    expect((await setUserActive(admin, created.user.id, false)).ok).toBe(true);
    const saved = await saveUser(admin, {
      email: `truong-moi-${Date.now()}@phanthiet.gov.vn`,
      fullName: "Trần Thị Mới",
      jobTitle: "Chủ tịch UBND phường",
      role: "UNIT_HEAD",
      unitId: created.unit.id,
      password: "Ba con vịt xòe ra 2026",
    });
    expect(saved.ok).toBe(true);
    const reissued = await live(campaignId, created.unit.id);
    expect(reissued).toMatchObject({ revision: 2, status: "PENDING", headUserId: saved.id, headName: "Trần Thị Mới" });
    expect(await textOf(reissued.documentSha256)).toContain("Trần Thị Mới");
    expect(await prisma.reminder.count({ where: { assignmentId: reissued.id } })).toBe(1);

    // A head deactivated, then reactivated in the unit after someone else was named on its commitment.
    const standIn = await createTestUser({ role: "UNIT_HEAD" });
    expect((await setUserActive(admin, reactivated.user.id, false)).ok).toBe(true);
    expect((await assignUnitHead(admin, reactivated.unit.id, standIn.id)).ok).toBe(true);
    await prisma.user.update({ where: { id: standIn.id }, data: { unitId: null } });
    await prisma.user.update({ where: { id: reactivated.user.id }, data: { unitId: reactivated.unit.id } });
    expect((await setUserActive(admin, reactivated.user.id, true)).ok).toBe(true);
    expect(await live(campaignId, reactivated.unit.id)).toMatchObject({ revision: 3, headUserId: reactivated.user.id });

    // The stale session of the head no longer named on the document cannot decline it either.
    const before = await storedFor([reissued.id]);
    expect((await declineAssignment(created.actor, reissued.id, { reason: "Không phải tên tôi trên văn bản." })).message).toContain("mang tên Trần Thị Mới");
    expect(await storedFor([reissued.id])).toEqual(before);
  });
});

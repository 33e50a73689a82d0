import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { declineAssignment } from "@/lib/signatures/decline-assignment";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { reissueAssignment } from "@/lib/signatures/reissue-assignment";
import { sendReminders } from "@/lib/reminders/send-reminders";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { vi as m } from "@/lib/i18n/messages/vi";
import { closeCampaign } from "./close-campaign";
import { reopenAssignment } from "./reopen-assignment";

const DAY = 86_400_000;
const REASON = "Đơn vị bị ảnh hưởng bởi bão, chưa ký kịp";

const state = async (campaignId: string) => {
  const [assignments, documents, reminders, events] = await Promise.all([
    prisma.assignment.findMany({ where: { campaignId }, orderBy: { id: "asc" }, select: { id: true, status: true, documentSha256: true, reopenedUntil: true } }),
    prisma.assignmentDocument.count({ where: { assignment: { campaignId } } }),
    prisma.reminder.count({ where: { assignment: { campaignId } } }),
    prisma.auditEvent.count({ where: { campaignId } }),
  ]);
  return { assignments, documents, reminders, events };
};

describe("the signing deadline", () => {
  it("after it a head can neither sign nor decline; the chairperson reopens the unit with a reason and a time limit, then the head signs", async () => {
    const { campaignId, heads } = await launchTestCampaign(2);
    const [late, other] = heads;
    const chair = await createActor("CHAIRPERSON");
    await prisma.campaign.update({ where: { id: campaignId }, data: { deadline: new Date(Date.now() - DAY) } });
    const before = await state(campaignId);

    const refused = await signAsHead(late!);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^Đã quá hạn ký \(\d\d:\d\d \d\d\/\d\d\/\d{4}\); liên hệ Chủ tịch UBND thành phố để mở lại\.$/);
    expect(await declineAssignment(other!.actor, other!.assignment.id, { reason: REASON })).toMatchObject({ ok: false, message: refused.message });
    expect(await state(campaignId)).toEqual(before);

    // Reopening: the chairperson only, a real reason, 1..30 days.
    expect(await reopenAssignment(late!.actor, { assignmentId: late!.assignment.id, reason: REASON, days: 3 })).toMatchObject({ ok: false, message: m.common.form.forbidden });
    expect(await reopenAssignment(chair, { assignmentId: late!.assignment.id, reason: "ngắn", days: 3 })).toMatchObject({ ok: false, fieldErrors: { reason: [m.closing.reopen.reasonTooShort] } });
    expect(await reopenAssignment(chair, { assignmentId: late!.assignment.id, reason: REASON, days: 31 })).toMatchObject({ ok: false, fieldErrors: { days: ["Số ngày phải từ 1 đến 30."] } });
    expect(await state(campaignId)).toEqual(before);

    const now = new Date();
    const reopened = await reopenAssignment(chair, { assignmentId: late!.assignment.id, reason: REASON, days: "3" }, { actorId: chair.id }, now);
    expect(reopened).toMatchObject({ ok: true });
    const row = await prisma.assignment.findUniqueOrThrow({ where: { id: late!.assignment.id } });
    expect(row.reopenedUntil?.getTime()).toBe(now.getTime() + 3 * DAY);
    expect(row.reopenReason).toBe(REASON);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { assignmentId: late!.assignment.id, type: "UNIT_REOPENED" } });
    expect(event).toMatchObject({ actorId: chair.id, data: { reason: REASON, days: 3 } });

    expect(await signAsHead(late!)).toMatchObject({ ok: true });
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: late!.assignment.id } })).status).toBe("SIGNED");
    // The other unit was not reopened: still refused.
    expect((await declineAssignment(other!.actor, other!.assignment.id, { reason: REASON })).ok).toBe(false);
  });

  it("a reopened window that has ended refuses again; reopening before the deadline is refused", async () => {
    const { campaignId, heads } = await launchTestCampaign(1);
    const [head] = heads;
    const chair = await createActor("CHAIRPERSON");
    expect(await reopenAssignment(chair, { assignmentId: head!.assignment.id, reason: REASON, days: 3 })).toMatchObject({ ok: false, message: m.closing.reopen.notPastDeadline });
    await prisma.campaign.update({ where: { id: campaignId }, data: { deadline: new Date(Date.now() - 5 * DAY) } });
    await prisma.assignment.update({ where: { id: head!.assignment.id }, data: { reopenedUntil: new Date(Date.now() - DAY), reopenReason: REASON } });
    const refused = await signAsHead(head!);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/thời hạn mở lại đã hết lúc/);
  });
});

describe("closing a campaign", () => {
  it("after the close nothing changes: sign, decline, countersign, remind, reissue and reopen are refused with the clear message", async () => {
    const { admin, campaignId, heads } = await launchTestCampaign(4);
    const [signer, decliner, declined, pending] = heads;
    const chair = await createActor("CHAIRPERSON");
    expect(await signAsHead(signer!)).toMatchObject({ ok: true });
    expect(await declineAssignment(declined!.actor, declined!.assignment.id, { reason: REASON })).toMatchObject({ ok: true });
    const start = await startCountersigning(chair, "MatKhau@123");

    expect(await closeCampaign(pending!.actor, { campaignId, confirm: "on" })).toMatchObject({ ok: false, message: m.common.form.forbidden });
    expect(await closeCampaign(admin, { campaignId })).toMatchObject({ ok: false });
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).status).toBe("LAUNCHED");

    const closedAt = new Date();
    expect(await closeCampaign(admin, { campaignId, confirm: "on" }, { actorId: admin.id }, closedAt)).toMatchObject({ ok: true, message: m.closing.close.closed });
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign).toMatchObject({ status: "CLOSED", closedAt, closedById: admin.id });
    expect(await prisma.auditEvent.count({ where: { campaignId, type: "CAMPAIGN_CLOSED", actorId: admin.id } })).toBe(1);
    expect(await closeCampaign(chair, { campaignId, confirm: "on" })).toMatchObject({ ok: false, message: m.closing.close.alreadyClosed });

    const before = await state(campaignId);
    const closed = { ok: false, message: m.closing.refusals.closed };
    expect(await signAsHead(pending!)).toMatchObject(closed);
    expect(await declineAssignment(decliner!.actor, decliner!.assignment.id, { reason: REASON })).toMatchObject(closed);
    const countersigned = await countersignAssignment(chair, { assignmentId: signer!.assignment.id, grant: start.grant, signatureImage: signatureDataUrl() });
    expect(countersigned).toMatchObject(closed);
    expect(await sendReminders(chair, { campaignId })).toMatchObject(closed);
    expect(await reissueAssignment(admin, declined!.assignment.id)).toMatchObject(closed);
    await prisma.campaign.update({ where: { id: campaignId }, data: { deadline: new Date(Date.now() - DAY) } });
    expect(await reopenAssignment(chair, { assignmentId: pending!.assignment.id, reason: REASON, days: 3 })).toMatchObject(closed);
    const after = await state(campaignId);
    expect(after).toEqual(before);
  });
});

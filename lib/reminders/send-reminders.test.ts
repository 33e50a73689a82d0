import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { prisma } from "@/lib/db/client";
import { sendReminders } from "./send-reminders";
import { runScheduledReminders } from "./run-scheduled-reminders";
import { declineAssignment } from "@/lib/signatures/decline-assignment";
import { createActor, launchTestCampaign, signAsHead } from "@/lib/test/factories";

type Mail = { to: string; raw: string };
const inbox: Mail[] = [];
let server: SMTPServer;

// A real SMTP server on loopback, so the test sees exactly what would leave the building.
beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address() as { port: number };
  process.env.SMTP_URL = `smtp://127.0.0.1:${address.port}?ignoreTLS=true`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const decode = (raw: string) => {
  // nodemailer sends UTF-8 text as quoted-printable or base64; decode the body for assertions.
  const body = raw.split(/\r?\n\r?\n/).slice(1).join("\n\n");
  const qp = body.replace(/=\r?\n/g, "").replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ""), "hex").toString("utf8"));
  const subject = /^Subject: (.*(?:\r?\n\s.*)*)/m.exec(raw)?.[1] ?? "";
  const decodedSubject = subject.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : text.replace(/_/g, " ").replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ""), "hex").toString("utf8")),
  ).replace(/\s*\r?\n\s*/g, "");
  return { subject: decodedSubject, body: qp };
};

describe("reminders by e-mail", () => {
  it("reminds every pending head once, with unit and deadline in Vietnamese, and nobody who signed or declined", async () => {
    const { campaignId, heads } = await launchTestCampaign(4);
    const [signer, decliner, ...pending] = heads;
    await signAsHead(signer);
    await declineAssignment(decliner.actor, decliner.assignment.id, { reason: "Đề nghị điều chỉnh nội dung cam kết số 5." });
    const chair = await createActor("CHAIRPERSON");
    inbox.length = 0;

    const result = await sendReminders(chair, { campaignId });
    expect(result).toMatchObject({ ok: true, sent: 2 });
    expect(inbox.map((m) => m.to).sort()).toEqual(pending.map((h) => h.user.email).sort());
    for (const head of pending) {
      const mail = decode(inbox.find((m) => m.to === head.user.email)!.raw);
      expect(mail.subject).toBe(`Nhắc ký bản cam kết CCHC — ${head.unit.name}`);
      expect(mail.body).toContain(`Bản cam kết của ${head.unit.name} chưa được ký; hạn ký là 23:59 31/12/2099.`);
    }
    expect(await prisma.reminder.count({ where: { assignment: { campaignId }, deliveredAt: { not: null } } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { campaignId, type: "REMINDER_SENT" } })).toBe(2);

    // A second click the same day sends nothing; a storm of 20 concurrent clicks neither.
    const again = await sendReminders(chair, { campaignId });
    expect(again).toMatchObject({ ok: true, sent: 0 });
    expect(again.message).toContain("2 đơn vị đã được nhắc hôm nay nên không gửi lại");
    const storm = await Promise.all(Array.from({ length: 20 }, () => sendReminders(chair, { campaignId })));
    expect(storm.every((r) => r.ok && r.sent === 0)).toBe(true);
    expect(inbox).toHaveLength(2);
  });

  it("the scheduler reminds overdue units once a day, however often it runs", async () => {
    const { campaignId } = await launchTestCampaign(2);
    await prisma.campaign.update({ where: { id: campaignId }, data: { deadline: new Date("2020-01-01T00:00:00Z") } });
    inbox.length = 0;
    const morning = new Date("2026-11-27T01:00:00Z");
    await Promise.all([runScheduledReminders(morning), runScheduledReminders(morning)]);
    await runScheduledReminders(new Date("2026-11-27T09:00:00Z"));
    const overdueMails = inbox.filter((m) => decode(m.raw).body.includes("đã quá hạn ký"));
    expect(overdueMails).toHaveLength(2);
    await runScheduledReminders(new Date("2026-11-28T01:00:00Z"));
    expect(inbox.filter((m) => decode(m.raw).body.includes("đã quá hạn ký"))).toHaveLength(4);
  });

  it("refuses heads and auditors, unknown campaigns and junk ids", async () => {
    const auditor = await createActor("AUDITOR");
    expect((await sendReminders(auditor, { campaignId: "00000000-0000-4000-8000-000000000000" })).ok).toBe(false);
    const chair = await createActor("CHAIRPERSON");
    expect(await sendReminders(chair, { campaignId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      ok: false,
      message: "Chiến dịch không tồn tại hoặc chưa phát động.",
    });
    expect((await sendReminders(chair, { campaignId: "khong-phai-id" })).ok).toBe(false);
  });

  it("tells an English-speaking clicker in English, while the e-mail stays Vietnamese", async () => {
    const auditor = { ...(await createActor("AUDITOR")), locale: "en" as const };
    expect(await sendReminders(auditor, { campaignId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, message: "You are not allowed to do this." });
    const chair = { ...(await createActor("CHAIRPERSON")), locale: "en" as const };
    expect(await sendReminders(chair, { campaignId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      ok: false,
      message: "The campaign does not exist or has not been launched.",
    });
    const junk = await sendReminders(chair, { campaignId: "khong-phai-id" });
    expect(junk.fieldErrors?.campaignId).toEqual(["Campaign does not exist"]);

    const { campaignId, heads } = await launchTestCampaign(1);
    inbox.length = 0;
    expect(await sendReminders(chair, { campaignId })).toMatchObject({ ok: true, sent: 1, message: "Sent 1 reminder." });
    expect(decode(inbox[0].raw).subject).toBe(`Nhắc ký bản cam kết CCHC — ${heads[0].unit.name}`);
    expect((await sendReminders(chair, { campaignId })).message).toBe("Sent 0 reminders; 1 unit was already reminded today, so it was not sent again.");
  });
});

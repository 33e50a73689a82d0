import { describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { prisma } from "@/lib/db/client";
import { actorFor, createActor, createTestUser, launchTestCampaign, signatureDataUrl } from "@/lib/test/factories";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { startCountersigning } from "@/lib/signatures/countersign-assignment";
import { checkAuditChain } from "@/lib/audit/verify-audit-chain";
import type { Actor } from "@/lib/auth/find-active-user";
import { startSecondFactorEnrolment } from "./start-second-factor-enrolment";
import { confirmSecondFactorEnrolment } from "./confirm-second-factor-enrolment";
import { verifySecondFactor } from "./verify-second-factor";
import { changeSecondFactor } from "./change-second-factor";
import { resetSecondFactor } from "./reset-second-factor";
import { secondFactorStateAtSignIn } from "./second-factor-state";
import { rolesRequiringSecondFactor } from "./second-factor-policy";

const T0 = new Date("2026-12-05T02:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const code = (secret: string, when: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: when.getTime() });

/** A person with the factor on (enrolled at T0), their key and recovery codes. */
async function enrolled(actor: Actor) {
  const { secret } = (await startSecondFactorEnrolment(actor))!;
  const confirmed = await confirmSecondFactorEnrolment(actor, code(secret, T0), {}, T0);
  expect(confirmed).toMatchObject({ ok: true });
  return { secret, recoveryCodes: confirmed.recoveryCodes! };
}

describe("TOTP second factor", () => {
  it("enrols with the app's first code; the key is stored sealed, not as text; reloading keeps the same key", async () => {
    const actor = await createActor("UNIT_HEAD");
    const first = (await startSecondFactorEnrolment(actor))!;
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/camket:.+secret=/);
    expect(first.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await startSecondFactorEnrolment(actor))!.secret).toBe(first.secret);
    const row = await prisma.secondFactor.findUniqueOrThrow({ where: { userId: actor.id } });
    expect(Buffer.from(row.secretSealed).toString("latin1")).not.toContain(first.secret);

    expect(await confirmSecondFactorEnrolment(actor, "12345", {}, T0)).toMatchObject({ ok: false, fieldErrors: { code: ["Mã xác thực không đúng."] } });
    expect(await confirmSecondFactorEnrolment(actor, code(first.secret, at(-300)), {}, T0)).toMatchObject({ ok: false });
    const confirmed = await confirmSecondFactorEnrolment(actor, code(first.secret, T0), {}, T0);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(await startSecondFactorEnrolment(actor)).toBeNull();
    expect(await prisma.auditEvent.findFirst({ where: { type: "SECOND_FACTOR_CHANGED", actorId: actor.id } })).toMatchObject({ data: { change: "enabled" } });
  });

  it("accepts each code once (a replay, or an older code, is refused), allows one step of clock drift, and no more", async () => {
    const actor = await createActor("UNIT_HEAD");
    const { secret } = await enrolled(actor);
    expect(await verifySecondFactor(actor.id, code(secret, T0), at(5))).toEqual({ ok: false, error: "replayed" });
    expect(await verifySecondFactor(actor.id, code(secret, at(30)), at(31))).toEqual({ ok: true, recoveryCodeUsed: false });
    expect(await verifySecondFactor(actor.id, code(secret, at(30)), at(40))).toEqual({ ok: false, error: "replayed" });
    expect(await verifySecondFactor(actor.id, code(secret, at(90)), at(62))).toEqual({ ok: true, recoveryCodeUsed: false });
    expect(await verifySecondFactor(actor.id, code(secret, at(300)), at(120))).toEqual({ ok: false, error: "invalid" });
  });

  it("locks after five wrong codes in 15 minutes — the right code too — and opens again after the window", async () => {
    const actor = await createActor("UNIT_HEAD");
    const { secret } = await enrolled(actor);
    for (let i = 0; i < 5; i++) expect(await verifySecondFactor(actor.id, "000000" === code(secret, at(60)) ? "111111" : "000000", at(60 + i))).toMatchObject({ ok: false });
    expect(await verifySecondFactor(actor.id, code(secret, at(90)), at(90))).toEqual({ ok: false, error: "locked" });
    expect(await verifySecondFactor(actor.id, code(secret, at(60 + 15 * 60)), at(60 + 15 * 60))).toEqual({ ok: true, recoveryCodeUsed: false });
  });

  it("takes a recovery code once, typed any way; two racing uses of one code cannot both pass", async () => {
    const actor = await createActor("UNIT_HEAD");
    const { recoveryCodes } = await enrolled(actor);
    const [first, second] = recoveryCodes;
    expect(await verifySecondFactor(actor.id, ` ${first!.toUpperCase().replace("-", " ")} `, at(60))).toEqual({ ok: true, recoveryCodeUsed: true });
    expect(await verifySecondFactor(actor.id, first!, at(61))).toEqual({ ok: false, error: "invalid" });
    const raced = await Promise.all([verifySecondFactor(actor.id, second!, at(62)), verifySecondFactor(actor.id, second!, at(62))]);
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
    const row = await prisma.secondFactor.findUniqueOrThrow({ where: { userId: actor.id } });
    expect(row.recoveryCodes).toHaveLength(8);
  });

  it("is required for admin, chairperson and clerk by default; configurable; a misspelt role is an error", () => {
    expect(rolesRequiringSecondFactor({})).toEqual(["ADMIN", "CHAIRPERSON", "CLERK"]);
    expect(rolesRequiringSecondFactor({ CAMKET_2FA_REQUIRED_ROLES: "none" })).toEqual([]);
    expect(rolesRequiringSecondFactor({ CAMKET_2FA_REQUIRED_ROLES: "admin, unit_head" })).toEqual(["ADMIN", "UNIT_HEAD"]);
    expect(() => rolesRequiringSecondFactor({ CAMKET_2FA_REQUIRED_ROLES: "ADMIN,BOSS" })).toThrow("vai trò không có: BOSS");
  });

  it("a new session owes a code when the factor is on, its set-up when the role requires one, else nothing", async () => {
    const chair = await createTestUser({ role: "CHAIRPERSON" });
    const head = await createActor("UNIT_HEAD");
    expect(await secondFactorStateAtSignIn(chair)).toBe("enrol");
    expect(await secondFactorStateAtSignIn(head)).toBe("done");
    await enrolled(head);
    expect(await secondFactorStateAtSignIn(head)).toBe("pending");
  });

  it("turning it off needs a current code and is refused for a role that requires it; new recovery codes replace the old", async () => {
    const head = await createActor("UNIT_HEAD");
    const { secret, recoveryCodes } = await enrolled(head);
    const renewed = await changeSecondFactor(head, "renewRecoveryCodes", code(secret, at(30)), {}, at(30));
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(await verifySecondFactor(head.id, recoveryCodes[0]!, at(40))).toMatchObject({ ok: false });
    expect(await changeSecondFactor(head, "disable", "", {}, at(60))).toMatchObject({ ok: false, message: "Vui lòng nhập mã xác thực." });
    expect(await changeSecondFactor(head, "disable", code(secret, at(60)), {}, at(60))).toMatchObject({ ok: true });
    expect(await prisma.secondFactor.count({ where: { userId: head.id } })).toBe(0);

    const chair = await createActor("CHAIRPERSON");
    const chairFactor = await enrolled(chair);
    expect(await changeSecondFactor(chair, "disable", code(chairFactor.secret, at(30)), {}, at(30))).toMatchObject({
      ok: false,
      message: "Vai trò của bạn bắt buộc dùng xác thực hai bước nên không thể tắt.",
    });
  });

  it("an admin resets a person's factor: audited, every session of theirs ends; nobody else may", async () => {
    const chair = await createActor("CHAIRPERSON");
    await enrolled(chair);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: chair.id } });
    expect(await resetSecondFactor(await createActor("CHAIRPERSON"), chair.id)).toMatchObject({ ok: false });
    expect(await prisma.secondFactor.count({ where: { userId: chair.id } })).toBe(1);
    const admin = await createActor("ADMIN");
    expect(await resetSecondFactor(admin, chair.id, { ip: "10.0.0.9" })).toMatchObject({ ok: true });
    expect(await prisma.secondFactor.count({ where: { userId: chair.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: chair.id } })).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await prisma.auditEvent.findFirst({ where: { type: "SECOND_FACTOR_RESET" }, orderBy: { id: "desc" } })).toMatchObject({
      actorId: admin.id,
      ip: "10.0.0.9",
      data: { userId: chair.id },
    });
    expect(await resetSecondFactor(admin, chair.id)).toMatchObject({ ok: false, message: "Người dùng này chưa bật xác thực hai bước." });
    expect(await checkAuditChain()).toMatchObject({ ok: true });
  });
});

describe("a signature with the server-held key asks for the second factor again", () => {
  it("refuses the head's signature without a valid fresh code, storing nothing; signs with one", async () => {
    const { heads } = await launchTestCampaign(1);
    const head = heads[0]!;
    const now = new Date();
    const { secret } = (await startSecondFactorEnrolment(head.actor))!;
    expect(await confirmSecondFactorEnrolment(head.actor, code(secret, now), {}, now)).toMatchObject({ ok: true });
    const later = new Date(now.getTime() + 30_000);
    const input = { assignmentId: head.assignment.id, reviewedSha256: head.assignment.documentSha256, password: head.password, signatureImage: signatureDataUrl() };
    const stored = () => prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });

    expect(await signAssignment(head.actor, input)).toMatchObject({ ok: false, fieldErrors: { secondFactorCode: ["Vui lòng nhập mã xác thực."] } });
    expect(await signAssignment(head.actor, { ...input, secondFactorCode: "000000" === code(secret, later) ? "111111" : "000000" }, {}, later)).toMatchObject({
      ok: false,
      message: "Mã xác thực hai bước không đúng — chưa ký.",
    });
    expect((await stored()).status).toBe("PENDING");
    expect(await signAssignment(head.actor, { ...input, secondFactorCode: code(secret, later) }, {}, later)).toMatchObject({ ok: true });
    expect((await stored()).status).toBe("SIGNED");
  });

  it("asks the chairperson once, when bulk countersigning starts", async () => {
    const chair = await actorFor((await createTestUser({ role: "CHAIRPERSON", password: "MatKhau@123" })).id);
    const { secret } = (await startSecondFactorEnrolment(chair))!;
    const now = new Date();
    expect(await confirmSecondFactorEnrolment(chair, code(secret, now), {}, now)).toMatchObject({ ok: true });
    expect(await startCountersigning(chair, "MatKhau@123")).toMatchObject({ ok: false, fieldErrors: { secondFactorCode: ["Vui lòng nhập mã xác thực."] } });
    const later = new Date(now.getTime() + 30_000);
    expect(await startCountersigning(chair, "MatKhau@123", code(secret, later), later)).toMatchObject({ ok: true, grant: expect.any(String) });
  });
});

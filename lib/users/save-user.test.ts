import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { saveUser } from "./save-user";
import { setUserActive } from "./set-user-active";
import { resetUserPassword } from "./reset-user-password";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { createActor, createTestUnit, createTestUser } from "@/lib/test/factories";
import { vi } from "@/lib/i18n/messages/vi";

const FORBIDDEN_MESSAGE = vi.common.form.forbidden;
const LAST_ADMIN_MESSAGE = vi.admin.users.lastAdmin;

const validInput = (overrides: Record<string, string> = {}) => ({
  email: `moi-${Math.random().toString(36).slice(2, 10)}@phanthiet.gov.vn`,
  fullName: "Nguyễn Thị Mới",
  jobTitle: "Chủ tịch UBND phường",
  role: "AUDITOR",
  password: "Bốn chú mèo con 2026",
  ...overrides,
});

describe("saveUser", () => {
  it("creates a user with an argon2id hash and a lower-cased e-mail", async () => {
    const admin = await createActor("ADMIN");
    const input = validInput({ email: "Moi.Nguoi.Dung@PhanThiet.gov.vn" });
    const result = await saveUser(admin, input);
    expect(result.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.id } });
    expect(user.email).toBe("moi.nguoi.dung@phanthiet.gov.vn");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("treats e-mails as unique case-insensitively", async () => {
    const admin = await createActor("ADMIN");
    const existing = await createTestUser();
    const result = await saveUser(admin, validInput({ email: existing.email.toUpperCase() }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: ["Email đã được dùng cho tài khoản khác"] } });
  });

  it("refuses a second active head for one unit, and saves nothing", async () => {
    const admin = await createActor("ADMIN");
    const unit = await createTestUnit();
    await createTestUser({ role: "UNIT_HEAD", unitId: unit.id });
    const input = validInput({ role: "UNIT_HEAD", unitId: unit.id });
    const result = await saveUser(admin, input);
    expect(result).toMatchObject({ ok: false, fieldErrors: { unitId: ["Đơn vị này đã có người đứng đầu đang hoạt động"] } });
    expect(await prisma.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("rejects an empty name, a bad e-mail and an unknown role with messages by field", async () => {
    const admin = await createActor("ADMIN");
    const result = await saveUser(admin, validInput({ fullName: "   ", email: "khong-phai-email", role: "SUPERUSER" }));
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      fullName: ["Họ và tên không được để trống"],
      email: ["Email không đúng định dạng"],
      role: ["Vai trò không hợp lệ"],
    });
  });

  it("rejects oversized fields, a non-existent unit and a head without unit", async () => {
    const admin = await createActor("ADMIN");
    const tooLong = await saveUser(admin, validInput({ fullName: "A".repeat(121) }));
    expect(tooLong.fieldErrors?.fullName).toEqual(["Họ và tên tối đa 120 ký tự"]);
    const ghostUnit = await saveUser(admin, validInput({ role: "UNIT_HEAD", unitId: "00000000-0000-4000-8000-000000000000" }));
    expect(ghostUnit.fieldErrors?.unitId).toEqual(["Đơn vị không tồn tại"]);
    const noUnit = await saveUser(admin, validInput({ role: "UNIT_HEAD" }));
    expect(noUnit.fieldErrors?.unitId).toEqual(["Người đứng đầu đơn vị phải thuộc một đơn vị"]);
  });

  it("keeps script tags as plain text (escaped when rendered), never executed or stripped", async () => {
    const admin = await createActor("ADMIN");
    const result = await saveUser(admin, validInput({ fullName: "<script>alert(1)</script>" }));
    expect(result.ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: result.id } })).fullName).toBe("<script>alert(1)</script>");
  });

  it("is refused to every role but ADMIN, and to nobody signed in", async () => {
    for (const role of ["CHAIRPERSON", "UNIT_HEAD", "AUDITOR"] as const) {
      const actor = await createActor(role, role === "UNIT_HEAD" ? (await createTestUnit()).id : undefined);
      expect(await saveUser(actor, validInput())).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    }
    expect(await saveUser(null, validInput())).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
  });

  it("words its answers in an English-speaking admin's language", async () => {
    const admin = { ...(await createActor("ADMIN")), locale: "en" as const };
    const result = await saveUser(admin, validInput({ email: "khong-phai-email", role: "UNIT_HEAD" }));
    expect(result.fieldErrors).toMatchObject({ email: ["This is not a valid email address"], unitId: ["A head of unit must belong to a unit"] });
    const created = await saveUser(admin, validInput());
    expect(created.message).toMatch(/^Account .+ created\.$/);
    expect(await setUserActive(admin, "00000000-0000-4000-8000-000000000000", false)).toEqual({ ok: false, message: "This user does not exist." });
  });
});

describe("setUserActive and resetUserPassword", () => {
  it("refuses to deactivate or demote the last active admin", async () => {
    const admin = await createActor("ADMIN");
    const others = await prisma.user.findMany({ where: { role: "ADMIN", active: true, NOT: { id: admin.id } }, select: { id: true } });
    await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
    try {
      expect(await setUserActive(admin, admin.id, false)).toEqual({ ok: false, message: LAST_ADMIN_MESSAGE });
      const demote = await saveUser(admin, { email: admin.email, fullName: admin.fullName, jobTitle: admin.jobTitle, role: "AUDITOR" }, admin.id);
      expect(demote).toMatchObject({ ok: false, message: LAST_ADMIN_MESSAGE });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    } finally {
      await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });
    }
  });

  it("a deactivated user cannot sign in; a reset password works and lifts the sign-in delay", async () => {
    const admin = await createActor("ADMIN");
    const user = await createTestUser({ password: "Cu@123456" });
    expect((await setUserActive(admin, user.id, false)).ok).toBe(true);
    expect(await authenticateUser(user.email, "Cu@123456")).toEqual({ ok: false, reason: "invalid" });
    expect((await setUserActive(admin, user.id, true)).ok).toBe(true);

    for (let i = 0; i < 7; i++) await authenticateUser(user.email, "Sai@123456", new Date(), "198.51.100.77");
    expect(await authenticateUser(user.email, "Cu@123456", new Date(), "198.51.100.77")).toMatchObject({ reason: "locked" });
    const mismatch = await resetUserPassword(admin, user.id, { password: "Ba con vịt xòe ra", confirm: "Ba con vịt xòe rá" });
    expect(mismatch.fieldErrors?.confirm).toEqual(["Mật khẩu nhập lại không khớp"]);
    expect((await resetUserPassword(admin, user.id, { password: "Ba con vịt xòe ra", confirm: "Ba con vịt xòe ra" })).ok).toBe(true);
    expect(await authenticateUser(user.email, "Ba con vịt xòe ra", new Date(), "198.51.100.77")).toMatchObject({ ok: true });
  });
});

describe("saveUser: clerks and deputies (issue 14)", () => {
  it("a clerk needs an active issuing body; the body is stored for a clerk and dropped for any other role", async () => {
    const admin = await createActor("ADMIN");
    expect((await saveUser(admin, validInput({ role: "CLERK" }))).fieldErrors).toEqual({ issuingBodyId: ["Văn thư phải thuộc một cơ quan ban hành"] });
    const clerk = await saveUser(admin, validInput({ role: "CLERK", issuingBodyId: "city" }));
    expect(clerk.ok).toBe(true);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: clerk.id } })).toMatchObject({ role: "CLERK", issuingBodyId: "city", unitId: null });

    const old = await prisma.issuingBody.create({ data: { name: `CƠ QUAN ĐÃ NGỪNG ${Math.random()}`, placeName: "Phan Thiết", abbreviation: "X", active: false } });
    const refused = await saveUser(admin, validInput({ role: "CLERK", issuingBodyId: old.id }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { issuingBodyId: ["Cơ quan ban hành này đã ngừng hoạt động, không thể chọn."] } });
    expect((await saveUser(admin, validInput({ role: "CLERK", issuingBodyId: "00000000-0000-4000-8000-000000000000" }))).fieldErrors).toEqual({
      issuingBodyId: ["Cơ quan ban hành không tồn tại."],
    });

    const auditor = await saveUser(admin, validInput({ role: "AUDITOR", issuingBodyId: "city" }));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: auditor.id } })).issuingBodyId).toBeNull();
  });

  it("a deputy may have a unit (a ward's vice-chairman) or none (the city's vice-chairperson)", async () => {
    const admin = await createActor("ADMIN");
    const unit = await createTestUnit();
    const ward = await saveUser(admin, validInput({ role: "DEPUTY", jobTitle: "Phó Chủ tịch UBND phường", unitId: unit.id }));
    expect(await prisma.user.findUniqueOrThrow({ where: { id: ward.id } })).toMatchObject({ role: "DEPUTY", unitId: unit.id });
    const city = await saveUser(admin, validInput({ role: "DEPUTY", jobTitle: "Phó Chủ tịch UBND thành phố" }));
    expect(await prisma.user.findUniqueOrThrow({ where: { id: city.id } })).toMatchObject({ role: "DEPUTY", unitId: null });
  });
});

import { describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/auth-options";
import { saveUnit } from "@/lib/units/save-unit";
import { setUnitActive } from "@/lib/units/set-unit-active";
import { setUserActive } from "@/lib/users/set-user-active";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { createActor, createTestUser } from "@/lib/test/factories";
import { checkAuditChain } from "./verify-audit-chain";

const authorize = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options.authorize;
const request = { headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.7", "user-agent": "Mozilla/5.0 (X11, Linux)" } };
const lastEvent = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

describe("audit events for sign-in and admin changes", () => {
  it("records LOGIN and LOGIN_FAILED with the address and browser, never the password", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: "MatKhau@123" });
    await authorize({ email: user.email.toUpperCase(), password: "MatKhau@123" }, request as never);
    expect(await lastEvent()).toMatchObject({ type: "LOGIN", actorId: user.id, actorEmail: user.email, ip: "203.0.113.7", userAgent: "Mozilla/5.0 (X11, Linux)" });

    await expect(authorize({ email: user.email, password: "Sai@12345" }, request as never)).rejects.toThrow("Email hoặc mật khẩu không đúng");
    const failed = await lastEvent();
    expect(failed).toMatchObject({ type: "LOGIN_FAILED", actorId: null, actorEmail: user.email, data: { reason: "invalid" } });
    expect(JSON.stringify(failed.data) + failed.actorEmail).not.toContain("Sai@12345");
    expect(await checkAuditChain()).toMatchObject({ ok: true });
  });

  it("records ADMIN_CHANGE for unit and user changes, with who made them; a refused change records nothing", async () => {
    const admin = await createActor("ADMIN");
    const context = { actorId: admin.id, actorEmail: admin.email, ip: "198.51.100.2" };
    const tag = Math.random().toString(36).slice(2, 7);
    const created = await saveUnit(admin, { name: `Phường Nhật Ký ${tag}`, kind: "WARD", code: `NK${tag}` }, undefined, context);
    expect(await lastEvent()).toMatchObject({ type: "ADMIN_CHANGE", actorId: admin.id, unitId: created.id, data: { action: "create-unit", name: `Phường Nhật Ký ${tag}` } });
    await setUnitActive(admin, created.id!, false, context);
    expect((await lastEvent()).data).toEqual({ action: "deactivate-unit" });

    const user = await createTestUser({ role: "AUDITOR" });
    await setUserActive(admin, user.id, false, context);
    expect((await lastEvent()).data).toMatchObject({ action: "deactivate-user", userId: user.id });
    await resetUserPassword(admin, user.id, { password: "Ba con vịt xòe ra 2017", confirm: "Ba con vịt xòe ra 2017" }, context);
    const reset = await lastEvent();
    expect(reset.data).toEqual({ action: "reset-password", userId: user.id });
    expect(JSON.stringify(reset.data)).not.toContain("vịt xòe");

    const before = await prisma.auditEvent.count();
    await saveUnit(await createActor("CHAIRPERSON"), { name: "Phường Khác", kind: "WARD", code: "PK1" }, undefined, context);
    await saveUnit(admin, { name: `Phường Nhật Ký ${tag}`, kind: "WARD", code: `KHAC${tag}` }, undefined, context);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { saveUnit } from "./save-unit";
import { assignUnitHead } from "./assign-unit-head";
import { listUnits } from "./list-units";
import { createActor, createTestUnit, createTestUser } from "@/lib/test/factories";
import { vi } from "@/lib/i18n/messages/vi";

const FORBIDDEN_MESSAGE = vi.common.form.forbidden;

describe("saveUnit", () => {
  it("creates a unit with a slug from its Vietnamese name and finds it without diacritics", async () => {
    const admin = await createActor("ADMIN");
    const tag = Math.random().toString(36).slice(2, 7);
    const result = await saveUnit(admin, { name: `Phường Đức Thắng Mới ${tag}`, kind: "WARD", code: `dtm${tag}` });
    expect(result.ok).toBe(true);
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: result.id } });
    expect(unit.slug).toBe(`phuong-duc-thang-moi-${tag}`);
    expect(unit.code).toBe(`DTM${tag}`.toUpperCase());
    const found = await listUnits({ q: `duc thang moi ${tag}` });
    expect(found.map((u) => u.id)).toEqual([unit.id]);
  });

  it("refuses empty names, junk kinds and duplicate names/codes with field messages, changing nothing", async () => {
    const admin = await createActor("ADMIN");
    const existing = await createTestUnit();
    const before = await prisma.unit.count();
    expect((await saveUnit(admin, { name: "", kind: "WARD", code: "X1" })).fieldErrors?.name).toEqual(["Tên đơn vị không được để trống"]);
    expect((await saveUnit(admin, { name: "Phường A", kind: "TINH", code: "X1" })).fieldErrors?.kind).toEqual(["Loại đơn vị không hợp lệ"]);
    expect((await saveUnit(admin, { name: existing.name, kind: "WARD", code: "KHAC1" })).fieldErrors?.name).toBeDefined();
    expect((await saveUnit(admin, { name: "Phường Khác Hẳn", kind: "WARD", code: existing.code })).fieldErrors?.code).toEqual([
      "Mã đơn vị đã được dùng cho đơn vị khác",
    ]);
    expect(await prisma.unit.count()).toBe(before);
  });

  it("answers an unknown id clearly and refuses non-admins", async () => {
    const admin = await createActor("ADMIN");
    const input = { name: "Phường Không Có", kind: "WARD", code: "KC1" };
    expect(await saveUnit(admin, input, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, message: "Đơn vị không tồn tại." });
    expect(await saveUnit(admin, input, "not-a-uuid")).toEqual({ ok: false, message: "Đơn vị không tồn tại." });
    expect(await saveUnit(await createActor("CHAIRPERSON"), input)).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
  });

  it("answers an English-speaking admin in English, field errors included", async () => {
    const admin = { ...(await createActor("ADMIN")), locale: "en" as const };
    expect(await saveUnit(admin, { name: "Phường Không Có", kind: "WARD", code: "KC1" }, "not-a-uuid")).toEqual({
      ok: false,
      message: "This unit does not exist.",
    });
    const invalid = await saveUnit(admin, { name: "", kind: "TINH", code: "X 1" });
    expect(invalid.message).toBe("Some fields are not valid; please check the highlighted fields.");
    expect(invalid.fieldErrors).toMatchObject({ name: ["Unit name is required"], kind: ["The unit type is not valid"] });
    expect(await saveUnit({ ...(await createActor("AUDITOR")), locale: "en" }, {})).toEqual({ ok: false, message: "You are not allowed to do this." });
  });
});

describe("assignUnitHead", () => {
  it("moves headship to the chosen user and detaches the previous head in one step", async () => {
    const admin = await createActor("ADMIN");
    const unit = await createTestUnit();
    const oldHead = await createTestUser({ role: "UNIT_HEAD", unitId: unit.id });
    const newHead = await createTestUser({ role: "UNIT_HEAD" });
    expect((await assignUnitHead(admin, unit.id, newHead.id)).ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: newHead.id } })).unitId).toBe(unit.id);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: oldHead.id } })).unitId).toBeNull();
  });

  it("refuses a user who is not a head, and a non-existent unit", async () => {
    const admin = await createActor("ADMIN");
    const unit = await createTestUnit();
    const auditor = await createTestUser({ role: "AUDITOR" });
    expect((await assignUnitHead(admin, unit.id, auditor.id)).ok).toBe(false);
    expect(await assignUnitHead(admin, "00000000-0000-4000-8000-000000000000", auditor.id)).toEqual({
      ok: false,
      message: "Đơn vị không tồn tại.",
    });
  });
});

describe("listUnits search", () => {
  it("finds a unit by any of its words, without diacritics and in any order", async () => {
    const admin = await createActor("ADMIN");
    const tag = Math.random().toString(36).slice(2, 7);
    const created = await saveUnit(admin, { name: `Phường <b>Thử</b> Nghiệm ${tag}`, kind: "WARD", code: `TN${tag}` });
    expect((await listUnits({ q: `nghiem thu ${tag}` })).map((u) => u.id)).toEqual([created.id]);
    expect(await listUnits({ q: `nghiem khong-co ${tag}` })).toEqual([]);
  });
});

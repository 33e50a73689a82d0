import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor, createTestUnit } from "@/lib/test/factories";
import { saveUnit } from "@/lib/units/save-unit";
import { vi } from "@/lib/i18n/messages/vi";
import { saveIssuingBody } from "./save-issuing-body";
import { setIssuingBodyActive } from "./set-issuing-body-active";
import { issuingBodyForUnit } from "./issuing-body-for-unit";
import { listIssuingBodyOptions } from "./list-issuing-bodies";

const tag = () => Math.random().toString(36).slice(2, 7).toUpperCase();
const bodyInput = (name: string) => ({ name, superiorName: "UBND THÀNH PHỐ PHAN THIẾT", placeName: "Phan Thiết", abbreviation: "ubnd", sealDiameterMm: "36" });

describe("saveIssuingBody", () => {
  it("creates and edits a body, audited as ADMIN_CHANGE; the abbreviation is upper-cased, an empty superior is none", async () => {
    const admin = await createActor("ADMIN");
    const name = `ỦY BAN NHÂN DÂN PHƯỜNG THỬ ${tag()}`;
    const context = { actorId: admin.id };
    const created = await saveIssuingBody(admin, bodyInput(name), undefined, context);
    expect(created).toMatchObject({ ok: true, message: `Đã tạo cơ quan “${name}”.` });
    expect(await prisma.issuingBody.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      name,
      superiorName: "UBND THÀNH PHỐ PHAN THIẾT",
      abbreviation: "UBND",
      sealDiameterMm: 36,
      active: true,
      isCity: false,
    });
    const edited = await saveIssuingBody(admin, { ...bodyInput(name), superiorName: "", placeName: "Mũi Né", sealDiameterMm: 40 }, created.id, context);
    expect(edited.ok).toBe(true);
    expect(await prisma.issuingBody.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ superiorName: null, placeName: "Mũi Né", sealDiameterMm: 40 });
    const events = await prisma.auditEvent.findMany({ where: { type: "ADMIN_CHANGE", actorId: admin.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.data as { action: string }).action)).toEqual(["create-issuing-body", "update-issuing-body"]);
  });

  it("refuses a lower-case name, a bad abbreviation, a diameter outside 30–50 and a duplicate name, changing nothing", async () => {
    const admin = await createActor("ADMIN");
    const name = `PHÒNG THỬ ${tag()}`;
    expect((await saveIssuingBody(admin, bodyInput(name))).ok).toBe(true);
    const before = await prisma.issuingBody.count();
    expect((await saveIssuingBody(admin, bodyInput("Ủy ban nhân dân phường X"))).fieldErrors?.name).toEqual(["Phải viết hoa toàn bộ, đúng như in trên văn bản"]);
    expect((await saveIssuingBody(admin, { ...bodyInput(`PHÒNG KHÁC ${tag()}`), abbreviation: "CK/UBND" })).fieldErrors?.abbreviation).toEqual([
      "Chữ viết tắt chỉ gồm chữ in hoa, số và dấu gạch ngang giữa các phần",
    ]);
    expect((await saveIssuingBody(admin, { ...bodyInput(`PHÒNG KHÁC ${tag()}`), sealDiameterMm: "60" })).fieldErrors?.sealDiameterMm).toEqual([
      "Đường kính con dấu là số nguyên từ 30 đến 50 mm",
    ]);
    expect((await saveIssuingBody(admin, { ...bodyInput(""), placeName: "" })).fieldErrors).toMatchObject({
      name: ["Tên cơ quan ban hành không được để trống"],
      placeName: ["Địa danh không được để trống"],
    });
    expect(await saveIssuingBody(admin, bodyInput(name))).toEqual({ ok: false, message: "Đã có cơ quan ban hành trùng tên.", fieldErrors: { name: ["Tên này đã dùng cho một cơ quan ban hành khác"] } });
    expect(await prisma.issuingBody.count()).toBe(before);
  });

  it("refuses non-admins and unknown ids", async () => {
    const admin = await createActor("ADMIN");
    expect(await saveIssuingBody(await createActor("CLERK"), bodyInput(`PHÒNG ${tag()}`))).toEqual({ ok: false, message: vi.common.form.forbidden });
    expect(await saveIssuingBody(admin, bodyInput(`PHÒNG ${tag()}`), "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, message: "Cơ quan ban hành không tồn tại." });
    expect(await saveIssuingBody(admin, bodyInput(`PHÒNG ${tag()}`), "x'; drop")).toEqual({ ok: false, message: "Cơ quan ban hành không tồn tại." });
  });
});

describe("a merger modelled without code (1/7/2025)", () => {
  it("new body, units moved to it, old one deactivated and no longer offered; the city body cannot be deactivated", async () => {
    const admin = await createActor("ADMIN");
    const old = await saveIssuingBody(admin, bodyInput(`ỦY BAN NHÂN DÂN PHƯỜNG CŨ ${tag()}`));
    const unit = await createTestUnit();
    const unitInput = { name: unit.name, kind: unit.kind, code: unit.code };
    expect((await saveUnit(admin, { ...unitInput, issuingBodyId: old.id }, unit.id)).ok).toBe(true);
    expect((await issuingBodyForUnit(unit.id)).id).toBe(old.id);

    // Still printed by an active unit: refused, with the way out.
    expect(await setIssuingBodyActive(admin, old.id!, false)).toEqual({
      ok: false,
      message: "Còn 1 đơn vị đang hoạt động dùng cơ quan này. Hãy chuyển các đơn vị sang cơ quan khác trước khi ngừng.",
    });
    const merged = await saveIssuingBody(admin, bodyInput(`ỦY BAN NHÂN DÂN PHƯỜNG MỚI ${tag()}`));
    expect((await saveUnit(admin, { ...unitInput, issuingBodyId: merged.id }, unit.id)).ok).toBe(true);
    expect(await setIssuingBodyActive(admin, old.id!, false)).toEqual({ ok: true, message: "Đã ngừng cơ quan ban hành." });
    expect((await issuingBodyForUnit(unit.id)).id).toBe(merged.id);

    expect((await listIssuingBodyOptions()).map((b) => b.id)).not.toContain(old.id);
    expect((await listIssuingBodyOptions(old.id)).map((b) => b.id)).toContain(old.id);
    const refused = await saveUnit(admin, { ...unitInput, issuingBodyId: old.id }, unit.id);
    expect(refused).toEqual({ ok: false, message: "Cơ quan ban hành này đã ngừng hoạt động, không thể chọn.", fieldErrors: { issuingBodyId: ["Cơ quan ban hành này đã ngừng hoạt động, không thể chọn."] } });
    expect((await issuingBodyForUnit(unit.id)).id).toBe(merged.id);

    expect(await setIssuingBodyActive(admin, "city", false)).toEqual({
      ok: false,
      message: "Không thể ngừng cơ quan ban hành của thành phố: đơn vị chưa được gán cơ quan sẽ ban hành dưới tên này.",
    });
    expect(await prisma.issuingBody.findUniqueOrThrow({ where: { id: "city" } })).toMatchObject({ active: true });
    // No body: the unit issues under the city's.
    expect((await saveUnit(admin, { ...unitInput, issuingBodyId: "" }, unit.id)).ok).toBe(true);
    expect((await issuingBodyForUnit(unit.id)).id).toBe("city");
    expect(await setIssuingBodyActive(await createActor("CHAIRPERSON"), merged.id!, false)).toEqual({ ok: false, message: vi.common.form.forbidden });
  });
});

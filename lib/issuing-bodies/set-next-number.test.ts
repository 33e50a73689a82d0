import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { vi } from "@/lib/i18n/messages/vi";
import { saveIssuingBody } from "./save-issuing-body";
import { setNextNumber } from "./set-next-number";
import { getIssuingBody } from "./get-issuing-body";

// 31/12/2025 17:30 UTC is already 1/1/2026 in Việt Nam: the register's year is the Vietnamese one.
const NOW = new Date("2025-12-31T17:30:00Z");

describe("setNextNumber", () => {
  it("sets the next number of this (Vietnamese) year, audited; a number already in the register is refused and nothing changes", async () => {
    const { admin, heads } = await launchTestCampaign(1);
    const body = await saveIssuingBody(admin, { name: `PHÒNG SỔ ${Math.random().toString(36).slice(2, 7).toUpperCase()}`, placeName: "Phan Thiết", abbreviation: "SO", sealDiameterMm: 36 });
    const id = body.id!;

    expect(await setNextNumber(admin, id, { nextNumber: "40" }, { actorId: admin.id }, NOW)).toEqual({ ok: true, message: "Số tiếp theo của năm 2026 là 40." });
    expect(await prisma.documentCounter.findUniqueOrThrow({ where: { issuingBodyId_year: { issuingBodyId: id, year: 2026 } } })).toMatchObject({ lastNumber: 39 });
    expect((await getIssuingBody(id, NOW))?.register).toEqual({ year: 2026, nextNumber: 40, highestUsed: 0 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { type: "ADMIN_CHANGE", actorId: admin.id }, orderBy: { id: "desc" } });
    expect(event.data).toMatchObject({ action: "set-next-number", issuingBodyId: id, year: 2026, nextNumber: 40 });

    // Number 45 was issued (e.g. by the clerk); going back to 45 or below would repeat it.
    await prisma.outgoingDocument.create({
      data: { issuingBodyId: id, year: 2026, number: 45, code: "CK-SO", assignmentId: heads[0]!.assignment.id, issuedAt: NOW, subject: "Cam kết", signerName: "Người Thử", recipients: [], issuedById: admin.id },
    });
    await prisma.documentCounter.update({ where: { issuingBodyId_year: { issuingBodyId: id, year: 2026 } }, data: { lastNumber: 45 } });
    const message = "Số 45 đã được dùng trong năm 2026 (số lớn nhất đã dùng là 45). Hãy chọn số lớn hơn.";
    expect(await setNextNumber(admin, id, { nextNumber: 45 }, {}, NOW)).toEqual({ ok: false, message, fieldErrors: { nextNumber: [message] } });
    expect((await setNextNumber(admin, id, { nextNumber: 3 }, {}, NOW)).ok).toBe(false);
    expect(await prisma.documentCounter.findUniqueOrThrow({ where: { issuingBodyId_year: { issuingBodyId: id, year: 2026 } } })).toMatchObject({ lastNumber: 45 });
    expect((await setNextNumber(admin, id, { nextNumber: 46 }, {}, NOW)).ok).toBe(true);
    // Another year's register is its own: 2025 starts from 1 whatever 2026 holds.
    expect((await setNextNumber(admin, id, { nextNumber: 1 }, {}, new Date("2025-06-01T00:00:00Z"))).ok).toBe(true);
  });

  it("refuses junk numbers, unknown bodies and non-admins", async () => {
    const admin = await createActor("ADMIN");
    expect((await setNextNumber(admin, "city", { nextNumber: "0" })).fieldErrors?.nextNumber).toEqual(["Số tiếp theo là số nguyên dương"]);
    expect((await setNextNumber(admin, "city", { nextNumber: "2.5" })).fieldErrors?.nextNumber).toEqual(["Số tiếp theo là số nguyên dương"]);
    expect((await setNextNumber(admin, "city", { nextNumber: "abc" })).fieldErrors?.nextNumber).toEqual(["Số tiếp theo là số nguyên dương"]);
    expect(await setNextNumber(admin, "00000000-0000-4000-8000-000000000000", { nextNumber: 5 })).toEqual({ ok: false, message: "Cơ quan ban hành không tồn tại." });
    expect(await setNextNumber(await createActor("CLERK"), "city", { nextNumber: 5 })).toEqual({ ok: false, message: vi.common.form.forbidden });
  });
});

import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor, createTestUser, actorFor } from "@/lib/test/factories";
import { encodePng } from "@/lib/signatures/png-writer";
import { vi } from "@/lib/i18n/messages/vi";
import { saveIssuingBody } from "./save-issuing-body";
import { uploadSeal } from "./upload-seal";
import { readSeal } from "./read-seal";
import { demoSealPng } from "./demo-seal-png";

const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffdb004300", "hex");
const transparent = (w: number, h: number) => encodePng(w, h, Buffer.alloc(w * h * 4));

async function newBody() {
  const admin = await createActor("ADMIN");
  const name = `PHÒNG CON DẤU ${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
  const body = await saveIssuingBody(admin, { name, placeName: "Phan Thiết", abbreviation: "CD", sealDiameterMm: 36 });
  return { admin, id: body.id! };
}

describe("uploadSeal", () => {
  it("refuses a JPEG, a PNG without transparency, a file over 512 KB, too many or too few pixels, a damaged PNG — each with its own message, storing nothing", async () => {
    const { admin, id } = await newBody();
    const cases: [string, Uint8Array, string][] = [
      ["empty", new Uint8Array(), "Hãy chọn tệp ảnh con dấu."],
      ["jpeg", JPEG, "Tệp không phải ảnh PNG. Hãy xuất con dấu ra PNG nền trong suốt (không dùng JPEG)."],
      ["opaque RGB", encodePng(200, 200, Buffer.alloc(200 * 200 * 3, 0xff), 3), "Ảnh con dấu không có nền trong suốt (không có điểm ảnh trong suốt nào): con dấu sẽ che chữ ký."],
      // An alpha channel that is opaque everywhere (a scan exported "with transparency") hides the signature just the same.
      ["opaque RGBA", encodePng(200, 200, Buffer.alloc(200 * 200 * 4, 0xff)), "Ảnh con dấu không có nền trong suốt (không có điểm ảnh trong suốt nào): con dấu sẽ che chữ ký."],
      // Noise does not compress: 400×400 RGBA is ~640 KB.
      ["too many bytes", encodePng(400, 400, randomBytes(400 * 400 * 4)), "Tệp con dấu quá lớn: tối đa 512 KB."],
      ["too many pixels", transparent(2001, 120), "Ảnh con dấu quá lớn: tối đa 2000×2000 điểm ảnh."],
      ["too few pixels", transparent(99, 120), "Ảnh con dấu quá nhỏ: tối thiểu 100×100 điểm ảnh."],
      ["cut off", transparent(200, 200).subarray(0, 60), "Ảnh PNG bị hỏng, không đọc được."],
    ];
    for (const [name, bytes, message] of cases) {
      expect(await uploadSeal(admin, id, bytes, { actorId: admin.id }), name).toEqual({ ok: false, message, fieldErrors: { seal: [message] } });
    }
    expect(await prisma.issuingBody.findUniqueOrThrow({ where: { id } })).toMatchObject({ sealPng: null, sealSha256: null });
    expect(await prisma.auditEvent.count({ where: { type: "ADMIN_CHANGE", actorId: admin.id, data: { path: ["action"], equals: "upload-seal" } } })).toBe(0);
  });

  it("stores a transparent PNG with its SHA-256, audited; a later refusal keeps it; only the admin and the body's clerks read it", async () => {
    const { admin, id } = await newBody();
    const seal = demoSealPng("PHÒNG CON DẤU");
    expect(await uploadSeal(admin, id, seal, { actorId: admin.id })).toEqual({ ok: true, message: "Đã lưu con dấu." });
    const sha256 = createHash("sha256").update(seal).digest("hex");
    const stored = await prisma.issuingBody.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(stored.sealPng!).equals(Buffer.from(seal))).toBe(true);
    expect(stored.sealSha256).toBe(sha256);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { type: "ADMIN_CHANGE", actorId: admin.id }, orderBy: { id: "desc" } });
    expect(event.data).toMatchObject({ action: "upload-seal", issuingBodyId: id, sealSha256: sha256 });

    expect((await uploadSeal(admin, id, JPEG)).ok).toBe(false);
    expect((await prisma.issuingBody.findUniqueOrThrow({ where: { id } })).sealSha256).toBe(sha256);

    expect(await readSeal(admin, id)).toMatchObject({ sha256 });
    const ownClerk = await createTestUser({ role: "CLERK" });
    await prisma.user.update({ where: { id: ownClerk.id }, data: { issuingBodyId: id } });
    expect(await readSeal(await actorFor(ownClerk.id), id)).toMatchObject({ sha256 });
    const otherClerk = await createTestUser({ role: "CLERK" });
    await prisma.user.update({ where: { id: otherClerk.id }, data: { issuingBodyId: "city" } });
    expect(await readSeal(await actorFor(otherClerk.id), id)).toBe("forbidden");
    expect(await readSeal(await createActor("CHAIRPERSON"), id)).toBe("forbidden");
    expect(await readSeal(admin, "00000000-0000-4000-8000-000000000000")).toBe("notFound");
    expect(await uploadSeal(await createActor("UNIT_HEAD"), id, seal)).toEqual({ ok: false, message: vi.common.form.forbidden });
  });
});

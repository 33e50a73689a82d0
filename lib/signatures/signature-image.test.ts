import { deflateSync, crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { readPngStructure } from "./png-structure";
import { signAssignment } from "./sign-assignment";
import { countersignAssignment, startCountersigning } from "./countersign-assignment";

const DAMAGED = "Ảnh chữ ký bị hỏng hoặc không phải PNG";
const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString("base64")}`;
const good = createSignaturePng();

/** A PNG built chunk by chunk, so each test can break exactly one thing. */
function png(chunks: [string, Uint8Array][], { badCrcAt = -1 } = {}): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  chunks.forEach(([type, data], i) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE((crc32(body) ^ (i === badCrcAt ? 1 : 0)) >>> 0);
    parts.push(length, body, crc);
  });
  return Buffer.concat(parts);
}
const ihdr = (width: number, height: number, depth = 8, colorType = 6, interlace = 0) => {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colorType, 0, 0, interlace], 8);
  return data;
};
const rgbaRows = (width: number, height: number, filter = 0) =>
  deflateSync(Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([filter]), Buffer.alloc(width * 4)]))));
const none = new Uint8Array();

describe("readPngStructure", () => {
  it("accepts the signing pad's PNG, and a minimal hand-built one", () => {
    expect(readPngStructure(good, 2000)).toEqual({ ok: true, width: 300, height: 100, transparent: true });
    expect(readPngStructure(png([["IHDR", ihdr(2, 2)], ["IDAT", rgbaRows(2, 2)], ["IEND", none]]), 2000)).toMatchObject({ ok: true });
  });

  it("refuses a PNG cut off anywhere: in the header, in a chunk, before IEND", () => {
    for (const length of [8, 20, 40, 60, Math.floor(good.length / 2), good.length - 13, good.length - 1]) {
      expect(readPngStructure(good.subarray(0, length), 2000), `cut at ${length}`).toEqual({ ok: false, problem: "damaged" });
    }
  });

  it("refuses a wrong CRC, bytes after IEND, a missing IHDR/IDAT/IEND, illegal IHDR values, short or invalid image data", () => {
    const cases: [string, Uint8Array][] = [
      ["bad CRC", png([["IHDR", ihdr(2, 2)], ["IDAT", rgbaRows(2, 2)], ["IEND", none]], { badCrcAt: 1 })],
      ["bytes after IEND", Buffer.concat([good, Buffer.from("trailing")])],
      ["no IHDR", png([["IDAT", rgbaRows(2, 2)], ["IEND", none]])],
      ["no IDAT", png([["IHDR", ihdr(2, 2)], ["IEND", none]])],
      ["no IEND", png([["IHDR", ihdr(2, 2)], ["IDAT", rgbaRows(2, 2)]])],
      ["bit depth 3", png([["IHDR", ihdr(2, 2, 3)], ["IDAT", rgbaRows(2, 2)], ["IEND", none]])],
      ["palette without PLTE", png([["IHDR", ihdr(2, 2, 8, 3)], ["IDAT", deflateSync(Buffer.alloc(6))], ["IEND", none]])],
      ["image data one row short", png([["IHDR", ihdr(2, 3)], ["IDAT", rgbaRows(2, 2)], ["IEND", none]])],
      ["row filter 9", png([["IHDR", ihdr(2, 2)], ["IDAT", rgbaRows(2, 2, 9)], ["IEND", none]])],
      ["image data not zlib", png([["IHDR", ihdr(2, 2)], ["IDAT", Buffer.from("not deflate")], ["IEND", none]])],
      ["IDATs not consecutive", png([["IHDR", ihdr(2, 2)], ["IDAT", rgbaRows(2, 2).subarray(0, 5)], ["tEXt", Buffer.from("a\0b")], ["IDAT", rgbaRows(2, 2).subarray(5)], ["IEND", none]])],
      ["unknown critical chunk", png([["IHDR", ihdr(2, 2)], ["ABCD", none], ["IDAT", rgbaRows(2, 2)], ["IEND", none]])],
    ];
    for (const [name, bytes] of cases) expect(readPngStructure(bytes, 2000), name).toEqual({ ok: false, problem: "damaged" });
  });

  it("names a zero or oversized side as a size problem", () => {
    expect(readPngStructure(png([["IHDR", ihdr(0, 2)], ["IDAT", rgbaRows(0, 2)], ["IEND", none]]), 2000)).toEqual({ ok: false, problem: "badSize" });
    expect(readPngStructure(png([["IHDR", ihdr(2001, 1)], ["IDAT", rgbaRows(1, 1)], ["IEND", none]]), 2000)).toEqual({ ok: false, problem: "badSize" });
  });
});

describe("a damaged signature image in the sign flow", () => {
  it("is refused with a clear message before the password is checked: nothing signed, stored or counted against the password", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    const truncated = dataUrl(good.subarray(0, Math.floor(good.length * 0.7)));
    const userBefore = await prisma.user.findUniqueOrThrow({ where: { id: head!.user.id } });
    const auditBefore = await prisma.auditEvent.count();
    const input = { assignmentId: head!.assignment.id, reviewedSha256: head!.assignment.documentSha256, signatureImage: truncated };

    for (const password of ["Sai@0000", head!.password]) {
      const result = await signAssignment(head!.actor, { ...input, password });
      expect(result, password).toMatchObject({ ok: false, fieldErrors: { signatureImage: [DAMAGED] } });
      expect(result.fieldErrors?.password).toBeUndefined();
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: head!.user.id } })).toEqual(userBefore);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: head!.assignment.id } })).toBe(1);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } })).status).toBe("PENDING");

    expect(await signAssignment(head!.actor, { ...input, password: head!.password, signatureImage: dataUrl(good) })).toMatchObject({ ok: true });
    const chair = await createActor("CHAIRPERSON");
    const { grant } = await startCountersigning(chair, "MatKhau@123");
    const countersign = await countersignAssignment(chair, { assignmentId: head!.assignment.id, grant, signatureImage: truncated });
    expect(countersign).toMatchObject({ ok: false, fieldErrors: { signatureImage: [DAMAGED] } });
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } })).status).toBe("SIGNED");
  });
});

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { seedDemoData } from "./seed";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { createHash } from "node:crypto";
import { issuingBodyForUnit } from "@/lib/issuing-bodies/issuing-body-for-unit";
import { sealImageProblem } from "@/lib/issuing-bodies/seal-image";
import { DEMO_UNITS } from "./demo-data";

describe("seedDemoData", () => {
  it("seeds the 30 units and the demo accounts, and a second run changes nothing", async () => {
    await seedDemoData(prisma);
    const snapshot = async () => ({
      units: await prisma.unit.findMany({ orderBy: { slug: "asc" } }),
      users: await prisma.user.findMany({ orderBy: { email: "asc" } }),
      bodies: await prisma.issuingBody.findMany({ orderBy: { name: "asc" } }),
    });
    const first = await snapshot();
    const again = await seedDemoData(prisma);
    expect(again).toEqual({ createdUnits: 0, createdBodies: 0, createdUsers: 0, createdCampaign: false });
    expect(await snapshot()).toEqual(first);

    const demoNames = new Set(DEMO_UNITS.map((u) => u.name));
    const demoUnits = first.units.filter((u) => demoNames.has(u.name));
    expect(demoUnits).toHaveLength(30);
    expect(demoUnits.filter((u) => u.kind === "AGENCY")).toHaveLength(12);
    expect(demoUnits.filter((u) => u.kind === "WARD")).toHaveLength(14);
    expect(demoUnits.filter((u) => u.kind === "COMMUNE")).toHaveLength(4);
    const emails = first.users.map((u) => u.email);
    for (const email of [
      "admin@phanthiet.gov.vn",
      "chutich@phanthiet.gov.vn",
      "kiemtoan@phanthiet.gov.vn",
      "phuong-duc-thang@phanthiet.gov.vn",
      "xa-tien-thanh@phanthiet.gov.vn",
      "phong-noi-vu@phanthiet.gov.vn",
      "thanh-tra-thanh-pho@phanthiet.gov.vn",
      "van-phong-hdnd-va-ubnd-thanh-pho@phanthiet.gov.vn",
    ]) {
      expect(emails).toContain(email);
    }
    const head = await prisma.user.findUniqueOrThrow({ where: { email: "phuong-duc-thang@phanthiet.gov.vn" }, include: { unit: true } });
    expect(head).toMatchObject({ role: "UNIT_HEAD", unit: { name: "Phường Đức Thắng", kind: "WARD", code: "22948" } });
    const campaign = await prisma.campaign.findFirstOrThrow({ where: { name: "Cam kết CCHC giai đoạn 2016–2020" }, include: { assignments: true } });
    expect(campaign.status).toBe("LAUNCHED");
    expect(campaign.assignments).toHaveLength(30);
    expect(new Set(campaign.assignments.map((a) => a.documentSha256)).size).toBe(30);
    expect(await authenticateUser("chutich@phanthiet.gov.vn", "CamKet@2017")).toMatchObject({ ok: true, user: { role: "CHAIRPERSON" } });
    expect(campaign).toMatchObject({ documentTypeCode: "CK", recipients: ["UBND tỉnh Bình Thuận (để b/c);", "Chủ tịch, các Phó Chủ tịch UBND thành phố;", "Phòng Nội vụ;"] });
  });

  it("gives every unit its own issuing body with a transparent demo seal, one clerk per body, and the deputies", async () => {
    await seedDemoData(prisma);
    const muiNe = await prisma.unit.findFirstOrThrow({ where: { name: "Phường Mũi Né" }, include: { issuingBody: true } });
    expect(muiNe.issuingBody).toMatchObject({ name: "ỦY BAN NHÂN DÂN PHƯỜNG MŨI NÉ", superiorName: "UBND THÀNH PHỐ PHAN THIẾT", placeName: "Phan Thiết", abbreviation: "UBND" });
    expect(await issuingBodyForUnit(muiNe.id)).toMatchObject({ name: "ỦY BAN NHÂN DÂN PHƯỜNG MŨI NÉ", abbreviation: "UBND" });
    const noiVu = await prisma.unit.findFirstOrThrow({ where: { name: "Phòng Nội vụ" }, include: { issuingBody: true } });
    expect(noiVu.issuingBody).toMatchObject({ name: "PHÒNG NỘI VỤ", superiorName: "UBND THÀNH PHỐ PHAN THIẾT", abbreviation: "NV" });
    const demoUnits = await prisma.unit.findMany({ where: { name: { in: DEMO_UNITS.map((u) => u.name) } }, select: { issuingBodyId: true } });
    expect(new Set(demoUnits.map((u) => u.issuingBodyId)).size).toBe(30);

    const bodies = await prisma.issuingBody.findMany({ where: { OR: [{ isCity: true }, { id: { in: demoUnits.map((u) => u.issuingBodyId!) } }] } });
    expect(bodies).toHaveLength(31);
    for (const body of bodies) {
      expect(sealImageProblem(body.sealPng!), body.name).toBeNull();
      expect(createHash("sha256").update(body.sealPng!).digest("hex")).toBe(body.sealSha256);
    }
    expect(new Set(bodies.map((b) => b.sealSha256)).size).toBe(31);

    const clerks = await prisma.user.findMany({ where: { role: "CLERK", email: { startsWith: "vanthu" } }, include: { issuingBody: true } });
    expect(new Set(clerks.map((c) => c.issuingBodyId))).toEqual(new Set(bodies.map((b) => b.id)));
    expect(clerks.find((c) => c.email === "vanthu@phanthiet.gov.vn")?.issuingBody).toMatchObject({ id: "city", isCity: true });
    expect(clerks.find((c) => c.email === "vanthu.22948@phanthiet.gov.vn")?.issuingBody?.name).toBe("ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG");
    expect(clerks.find((c) => c.email === "vanthu.nv@phanthiet.gov.vn")?.issuingBody?.name).toBe("PHÒNG NỘI VỤ");
    expect(await authenticateUser("vanthu.22948@phanthiet.gov.vn", "CamKet@2017")).toMatchObject({ ok: true, user: { role: "CLERK" } });

    expect(await prisma.user.findUniqueOrThrow({ where: { email: "phochutich@phanthiet.gov.vn" } })).toMatchObject({ role: "DEPUTY", unitId: null });
    const wardDeputy = await prisma.user.findUniqueOrThrow({ where: { email: "pho.22948@phanthiet.gov.vn" }, include: { unit: true } });
    expect(wardDeputy).toMatchObject({ role: "DEPUTY", jobTitle: "Phó Chủ tịch UBND phường", unit: { name: "Phường Đức Thắng" } });
  });
});

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { seedDemoData } from "./seed";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { DEMO_UNITS } from "./demo-data";

describe("seedDemoData", () => {
  it("seeds the 30 units and the demo accounts, and a second run changes nothing", async () => {
    await seedDemoData(prisma);
    const snapshot = async () => ({
      units: await prisma.unit.findMany({ orderBy: { slug: "asc" } }),
      users: await prisma.user.findMany({ orderBy: { email: "asc" } }),
    });
    const first = await snapshot();
    const again = await seedDemoData(prisma);
    expect(again).toEqual({ createdUnits: 0, createdUsers: 0, createdCampaign: false });
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
  });
});

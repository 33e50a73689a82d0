import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createCampaign } from "./create-campaign";
import { launchCampaign } from "./launch-campaign";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { getFile } from "@/lib/storage/file-store";
import { pdfText, writeTemp } from "@/lib/test/pdf-tools";
import { createActor, createTestUnit, createTestUser, publishTestTemplate } from "@/lib/test/factories";

const input = (templateVersionId: string, unitIds: string[], overrides: Record<string, unknown> = {}) => ({
  name: "Cam kết CCHC thử",
  templateVersionId,
  unitSelection: { mode: "UNITS", unitIds },
  deadline: "2099-12-31",
  documentDate: "2017-01-04",
  ...overrides,
});

describe("createCampaign", () => {
  it("refuses no units, a past deadline, junk dates and an unpublished template — and creates nothing", async () => {
    const admin = await createActor("ADMIN");
    const templateId = await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT);
    const unit = await createTestUnit();
    const before = await prisma.campaign.count();
    const noUnits = await createCampaign(admin, input(templateId, []));
    expect(noUnits.fieldErrors?.["unitSelection.unitIds"]).toEqual(["Chọn ít nhất một đơn vị"]);
    const past = await createCampaign(admin, input(templateId, [unit.id], { deadline: "2020-01-01" }));
    expect(past.fieldErrors?.deadline).toEqual(["Hạn ký phải sau thời điểm hiện tại"]);
    const junk = await createCampaign(admin, input(templateId, [unit.id], { deadline: "2099-02-31" }));
    expect(junk.fieldErrors?.deadline).toEqual(["Hạn ký không phải là một ngày có thật"]);
    const ghost = await createCampaign(admin, input("00000000-0000-4000-8000-000000000000", [unit.id]));
    expect(ghost.fieldErrors?.templateVersionId).toBeDefined();
    expect(await prisma.campaign.count()).toBe(before);
  });
});

describe("launchCampaign", () => {
  it("is blocked by units without an active head, listing them, and changes nothing", async () => {
    const admin = await createActor("ADMIN");
    const templateId = await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT);
    const withHead = await createTestUnit();
    await createTestUser({ role: "UNIT_HEAD", unitId: withHead.id });
    const headless = await createTestUnit();
    const created = await createCampaign(admin, input(templateId, [withHead.id, headless.id]));
    const result = await launchCampaign(admin, created.id!);
    expect(result.ok).toBe(false);
    expect(result.message).toContain("1 đơn vị chưa có người đứng đầu");
    expect(result.message).toContain(headless.name);
    expect(await prisma.assignment.count({ where: { campaignId: created.id } })).toBe(0);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("DRAFT");
  });

  it("refuses a head's name stored before input refused characters the PDF font lacks, naming them, and launches nothing", async () => {
    const admin = await createActor("ADMIN");
    const templateId = await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT);
    const unit = await createTestUnit();
    const head = await createTestUser({ role: "UNIT_HEAD", unitId: unit.id });
    // Written straight to the row, as data from before the input rule would be.
    await prisma.user.update({ where: { id: head.id }, data: { fullName: "Nguyễn Văn 😀" } });
    const created = await createCampaign(admin, input(templateId, [unit.id]));
    const result = await launchCampaign(admin, created.id!);
    expect(result).toEqual({ ok: false, message: `${unit.name}: Ký tự không in được trong văn bản: 😀 (U+1F600)` });
    expect(await prisma.assignment.count({ where: { campaignId: created.id } })).toBe(0);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("DRAFT");
  });

  it("creates one assignment per unit with its own stored PDF (content-addressed), and launches only once", async () => {
    const admin = await createActor("ADMIN");
    const templateId = await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT);
    const units = [await createTestUnit("WARD"), await createTestUnit("AGENCY")];
    const heads = [];
    for (const unit of units) heads.push(await createTestUser({ role: "UNIT_HEAD", unitId: unit.id }));
    const created = await createCampaign(admin, input(templateId, units.map((u) => u.id)));

    // Two launches at once (double click, two tabs): exactly one goes through.
    const results = await Promise.all([launchCampaign(admin, created.id!), launchCampaign(admin, created.id!)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.message).toBe("Chiến dịch đã được phát động trước đó.");
    expect((await launchCampaign(admin, created.id!)).message).toBe("Chiến dịch đã được phát động trước đó.");

    const assignments = await prisma.assignment.findMany({ where: { campaignId: created.id }, include: { documents: true } });
    expect(assignments).toHaveLength(2);
    for (const assignment of assignments) {
      const head = heads.find((h) => h.unitId === assignment.unitId)!;
      expect(assignment).toMatchObject({ status: "PENDING", headUserId: head.id, headName: head.fullName });
      expect(assignment.documents).toHaveLength(1);
      const bytes = (await getFile(assignment.documentSha256))!;
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(assignment.documentSha256);
      expect(pdfText(writeTemp(bytes))).toContain(head.fullName);
    }
    const events = await prisma.auditEvent.findMany({ where: { campaignId: created.id, type: "CAMPAIGN_LAUNCHED" } });
    expect(events).toHaveLength(1);
  });

  it("is refused to everyone but ADMIN", async () => {
    const chair = await createActor("CHAIRPERSON");
    expect((await launchCampaign(chair, "00000000-0000-4000-8000-000000000000")).ok).toBe(false);
    expect((await launchCampaign(null, "00000000-0000-4000-8000-000000000000")).message).toBe("Bạn không có quyền thực hiện thao tác này.");
  });

  it("answers an English-speaking admin in English", async () => {
    const admin = { ...(await createActor("ADMIN")), locale: "en" as const };
    expect(await launchCampaign(admin, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, message: "This campaign does not exist." });
    const templateId = await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT);
    const headless = await createTestUnit();
    const past = await createCampaign(admin, input(templateId, [], { deadline: "2020-01-01" }));
    expect(past.fieldErrors).toMatchObject({ deadline: ["The deadline must be in the future"], "unitSelection.unitIds": ["Choose at least one unit"] });
    const created = await createCampaign(admin, input(templateId, [headless.id]));
    expect(created.message).toBe("Campaign “Cam kết CCHC thử” created with 1 unit.");
    expect((await launchCampaign(admin, created.id!)).message).toBe(
      `Cannot launch yet: 1 unit has no head — ${headless.name}. Assign a head under Units, then launch again.`,
    );
  });
});

import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { getFile } from "@/lib/storage/file-store";
import { pageLines } from "@/lib/test/pdf-layout";
import { pdfPageCount, pdfText, writeTemp } from "@/lib/test/pdf-tools";
import { createActor, createTestUnit, createTestUser, publishTestTemplate } from "@/lib/test/factories";
import { DEFAULT_COMMITMENT_CONTENT } from "./default-commitment-content";

describe("a launched copy, from the data", () => {
  it("prints the unit's issuing body under its superior and the campaign's recipients; reserves number and date", async () => {
    // Digits only: every digit is as wide as the next in Tinos, so the header wraps the same way on every run
    // (a hex tag's letters made the ward's line long enough to cross the column's edge now and then).
    const tag = String(randomInt(1_000_000)).padStart(6, "0");
    const body = await prisma.issuingBody.create({
      data: { name: `ỦY BAN NHÂN DÂN PHƯỜNG THỬ ${tag}`, superiorName: "UBND THÀNH PHỐ PHAN THIẾT", placeName: "Mũi Né", abbreviation: "UBND" },
    });
    const [withBody, withoutBody] = [await createTestUnit(), await createTestUnit()];
    await prisma.unit.update({ where: { id: withBody.id }, data: { issuingBodyId: body.id } });
    for (const unit of [withBody, withoutBody]) await createTestUser({ unitId: unit.id });
    const admin = await createActor("ADMIN");
    const created = await createCampaign(admin, {
      name: `Chiến dịch thử ${tag}`,
      templateVersionId: await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT),
      unitSelection: { mode: "UNITS", unitIds: [withBody.id, withoutBody.id] },
      deadline: "2099-12-31",
      documentDate: "2017-01-04",
    });
    await prisma.campaign.update({ where: { id: created.id! }, data: { recipients: ["Sở Nội vụ tỉnh Bình Thuận"] } });
    expect(await launchCampaign(admin, created.id!)).toMatchObject({ ok: true });

    const copyOf = async (unitId: string) => {
      const assignment = await prisma.assignment.findFirstOrThrow({ where: { campaignId: created.id!, unitId }, include: { documents: true } });
      return { file: writeTemp((await getFile(assignment.documentSha256))!), slots: assignment.documents[0].signatureSlots as Record<string, unknown> };
    };
    const ward = await copyOf(withBody.id);
    const header = pageLines(ward.file, 1).filter((l) => l.xMax < 272).map((l) => l.text);
    expect(header.slice(0, 3)).toEqual(["UBND THÀNH PHỐ PHAN THIẾT", "ỦY BAN NHÂN DÂN", `PHƯỜNG THỬ ${tag}`]);
    expect(Object.keys(ward.slots).sort()).toEqual(["chairperson", "date", "head", "number"]);
    const last = pageLines(ward.file, pdfPageCount(ward.file)).map((l) => l.text);
    expect(last.slice(last.indexOf("Nơi nhận:"))).toEqual(["Nơi nhận:", "- Sở Nội vụ tỉnh Bình Thuận;", "- Lưu: VT."]);
    expect(pdfText(ward.file)).not.toMatch(/ngày \d+ tháng/);

    // No body of its own: the city's (created by the migration), no superior line.
    const cityBody = await prisma.issuingBody.findFirstOrThrow({ where: { isCity: true }, orderBy: { sortOrder: "asc" } });
    const city = await copyOf(withoutBody.id);
    const cityHeader = pageLines(city.file, 1).filter((l) => l.xMax < 272 && l.yMin < 130).map((l) => l.text).join(" ");
    expect(cityHeader).toBe(cityBody.superiorName ? `${cityBody.superiorName} ${cityBody.name}` : cityBody.name);
  });
});

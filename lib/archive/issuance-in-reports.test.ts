import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { tempDir } from "@/lib/signing/testing/external-tools";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { listCampaignUnits } from "@/lib/dashboard/list-campaign-units";
import { dashboardQuerySchema } from "@/lib/dashboard/dashboard-query";
import { getCampaignStatus } from "./get-campaign-status";
import { streamCampaignArchive } from "./stream-campaign-archive";

// Issue 14 item 6: number, issuance date and issuer wherever an assignment is reported. The register row is
// written here directly (lib/issuance tests make real ones); what is under test is that every report reads it.
type Campaign = Awaited<ReturnType<typeof launchTestCampaign>>;
let campaign: Campaign;
const issuedAt = new Date("2017-01-04T02:15:02.000Z");

beforeAll(async () => {
  campaign = await launchTestCampaign(2);
  const issued = campaign.heads[0]!.assignment;
  const body = await prisma.issuingBody.create({
    data: { name: `ỦY BAN NHÂN DÂN PHƯỜNG THỬ ${issued.id.slice(0, 8).toUpperCase()}`, superiorName: "UBND THÀNH PHỐ PHAN THIẾT", placeName: "Phan Thiết", abbreviation: "UBND" },
  });
  await prisma.assignment.update({ where: { id: issued.id }, data: { status: "ISSUED", issuedAt } });
  await prisma.outgoingDocument.create({
    data: { issuingBodyId: body.id, year: 2017, number: 5, code: "CK-UBND", assignmentId: issued.id, issuedAt, subject: "Bản cam kết", signerName: campaign.heads[0]!.user.fullName, recipients: [], issuedById: campaign.admin.id },
  });
});

describe("issuance in the dashboard, the status API and the archive", () => {
  it("the monitoring table shows the number with its code, the issuance time and the issuing body, and only for the issued one", async () => {
    const { rows } = await listCampaignUnits(campaign.campaignId, dashboardQuerySchema.parse({}), { all: true });
    const byId = new Map(rows.map((r) => [r.assignmentId, r]));
    expect(byId.get(campaign.heads[0]!.assignment.id)).toMatchObject({ status: "ISSUED", registerNumber: "05/CK-UBND", issuedAt, issuingBody: expect.stringMatching(/^ỦY BAN NHÂN DÂN PHƯỜNG THỬ/) });
    expect(byId.get(campaign.heads[1]!.assignment.id)).toMatchObject({ registerNumber: null, issuedAt: null });
  });

  it("the status API reports number, code, date and issuing body", async () => {
    const status = await getCampaignStatus(await createActor("AUDITOR"), campaign.campaignId);
    const issued = status!.assignments.find((a) => a.id === campaign.heads[0]!.assignment.id)!;
    expect(issued.issuance).toMatchObject({ numberAndCode: "05/CK-UBND", number: 5, code: "CK-UBND", issuedAt });
    expect(issued.issuance!.issuingBody).toMatch(/^ỦY BAN NHÂN DÂN PHƯỜNG THỬ/);
    expect(status!.assignments.find((a) => a.id === campaign.heads[1]!.assignment.id)!.issuance).toBeNull();
    expect(status!.counts).toMatchObject({ ISSUED: 1 });
  });

  it("the ZIP manifest carries the issuance of each unit, and the register entries are a file of the archive", async () => {
    const archive = (await streamCampaignArchive(await createActor("AUDITOR"), campaign.campaignId))!;
    const dir = await tempDir("camket-issued-archive-");
    const zip = path.join(dir, "a.zip");
    await writeFile(zip, Buffer.from(await new Response(archive.stream).arrayBuffer()));
    const manifest = JSON.parse(execFileSync("unzip", ["-p", zip, "manifest.json"], { encoding: "utf8" }));
    const units = new Map<string, { issuance: unknown }>(manifest.units.map((u: { assignmentId: string }) => [u.assignmentId, u]));
    expect(units.get(campaign.heads[0]!.assignment.id)!.issuance).toMatchObject({ numberAndCode: "05/CK-UBND", issuedAt: issuedAt.toISOString() });
    expect(units.get(campaign.heads[1]!.assignment.id)!.issuance).toBeNull();
    expect(manifest.register).toEqual({ file: "so-van-ban-di.csv", entries: 1 });
    const register = execFileSync("unzip", ["-p", zip, "so-van-ban-di.csv"], { encoding: "utf8" });
    expect(register).toContain(`,5,CK-UBND,04/01/2017,Bản cam kết,${campaign.heads[0]!.user.fullName},`);
    expect(execFileSync("unzip", ["-p", zip, "SHA256SUMS"], { encoding: "utf8" })).toMatch(/^[0-9a-f]{64} {2}so-van-ban-di\.csv$/m);
  });
});

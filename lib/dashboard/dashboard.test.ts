import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getCampaignSummary } from "./get-campaign-summary";
import { listCampaignUnits } from "./list-campaign-units";
import { dashboardQuerySchema, ignoredParams } from "./dashboard-query";
import { unitsCsv } from "./units-csv";
import { unitsXlsx } from "./units-xlsx";
import { declineAssignment } from "@/lib/signatures/decline-assignment";
import { createActor, launchTestCampaign, signAsHead } from "@/lib/test/factories";
import { messagesFor } from "@/lib/i18n/messages-for";
import { writeTemp } from "@/lib/test/pdf-tools";

const query = (raw: Record<string, string> = {}) => dashboardQuerySchema.parse(raw);

describe("dashboard data", () => {
  it("counts by kind and status, filters, searches without diacritics, sorts, pages and exports", async () => {
    const { campaignId, heads } = await launchTestCampaign(4, "WARD");
    const [a, b, c] = heads;
    await signAsHead(a);
    await declineAssignment(b.actor, b.assignment.id, { reason: "Cần sửa tên đơn vị trong văn bản." });
    await prisma.assignment.update({ where: { id: c.assignment.id }, data: { status: "VIEWED", firstViewedAt: new Date() } });

    const summary = await getCampaignSummary(campaignId);
    expect(summary.total).toBe(4);
    expect(summary.totals).toMatchObject({ SIGNED: 1, DECLINED: 1, VIEWED: 1, PENDING: 1, OVERDUE: 0, COMPLETED: 0 });
    expect(summary.byKind.WARD.total).toBe(4);

    const unsigned = await listCampaignUnits(campaignId, query({ kind: "WARD", status: "UNSIGNED" }));
    expect(unsigned.rows.map((r) => r.assignmentId).sort()).toEqual([heads[2].assignment.id, heads[3].assignment.id].sort());

    // Overdue replaces "chưa xem"/"đã xem" once the deadline has passed.
    const later = new Date("2100-01-02T00:00:00Z");
    const overdue = await listCampaignUnits(campaignId, query({ status: "OVERDUE" }), { now: later });
    expect(overdue.rows).toHaveLength(2);
    expect(overdue.rows.every((r) => r.daysOverdue >= 1)).toBe(true);
    expect((await getCampaignSummary(campaignId, later)).totals.OVERDUE).toBe(2);

    const unit = await prisma.unit.update({ where: { id: a.unit.id }, data: { name: `Phường Đức Thắng Thử ${a.unit.code}`, slug: `phuong-duc-thang-thu-${a.unit.code.toLowerCase()}` } });
    const found = await listCampaignUnits(campaignId, query({ q: "duc thang" }));
    expect(found.rows.map((r) => r.unitName)).toEqual([unit.name]);

    const sorted = await listCampaignUnits(campaignId, query({ sort: "signedAt", dir: "desc" }));
    expect(sorted.rows[0].assignmentId).toBe(a.assignment.id);
    const past = await listCampaignUnits(campaignId, query({ page: "99" }));
    expect(past).toMatchObject({ page: 1, pageCount: 1, pastEnd: true });
    expect(past.rows).toHaveLength(4);

    const csv = unitsCsv(past.rows);
    expect(csv.startsWith("\uFEFFĐơn vị,Loại,Người đứng đầu,Trạng thái")).toBe(true);
    expect(csv).toContain(`${unit.name},Phường,`);
    expect(csv).toContain("Từ chối");
    const xlsx = writeTemp(unitsXlsx(past.rows), "theo-doi.xlsx");
    expect(execFileSync("unzip", ["-t", xlsx], { encoding: "utf8" })).toContain("No errors detected");
    expect(execFileSync("unzip", ["-p", xlsx, "xl/worksheets/sheet1.xml"], { encoding: "utf8" })).toContain(unit.name);
  });

  it("sorts by status groups and by the city's unit order, which the database keeps when units are reordered", async () => {
    const { campaignId, heads } = await launchTestCampaign(3, "COMMUNE");
    const [a, b, c] = heads;
    for (const [i, h] of heads.entries()) await prisma.unit.update({ where: { id: h.unit.id }, data: { sortOrder: 1000 + i } });
    await signAsHead(a);
    await declineAssignment(b.actor, b.assignment.id, { reason: "Cần sửa tên đơn vị trong văn bản." });
    const ids = async (raw: Record<string, string>, now?: Date) => (await listCampaignUnits(campaignId, query(raw), { now })).rows.map((r) => r.assignmentId);

    // DECLINED, PENDING, SIGNED ascending; reversed descending; after the deadline the open one leads as OVERDUE.
    expect(await ids({ sort: "status" })).toEqual([b, c, a].map((h) => h.assignment.id));
    expect(await ids({ sort: "status", dir: "desc" })).toEqual([a, c, b].map((h) => h.assignment.id));
    expect(await ids({ sort: "overdue" }, new Date("2100-01-02T00:00:00Z"))).toEqual([c, a, b].map((h) => h.assignment.id));

    expect(await ids({ sort: "unit" })).toEqual([a, b, c].map((h) => h.assignment.id));
    await prisma.unit.update({ where: { id: c.unit.id }, data: { sortOrder: -1 } });
    expect(await ids({ sort: "unit" })).toEqual([c, a, b].map((h) => h.assignment.id));
    expect(await ids({ sort: "unit", dir: "desc" })).toEqual([b, a, c].map((h) => h.assignment.id));
    await prisma.unit.update({ where: { id: c.unit.id }, data: { kind: "AGENCY" } });
    expect((await getCampaignSummary(campaignId)).byKind).toMatchObject({ AGENCY: { total: 1, PENDING: 1 }, COMMUNE: { total: 2 } });
    expect(await ids({ kind: "AGENCY" })).toEqual([c.assignment.id]);
  });

  it("ignores junk filter values and says which", () => {
    const raw = { kind: "TINH", status: "xyz", page: "-3", sort: "DROP TABLE", q: "duc" };
    const parsed = query(raw);
    expect(parsed).toMatchObject({ kind: undefined, status: undefined, page: 1, sort: "unit", q: "duc" });
    expect(ignoredParams(raw, parsed)).toEqual(["loại đơn vị", "trạng thái", "cách sắp xếp", "số trang"]);
  });

  it("names ignored filters and writes the export in an English reader's language", async () => {
    const english = messagesFor({ ...(await createActor("AUDITOR")), locale: "en" });
    const raw = { kind: "TINH", page: "-3" };
    expect(ignoredParams(raw, query(raw), english)).toEqual(["unit type", "page number"]);
    const row = {
      assignmentId: "a",
      unitId: "u",
      unitName: "Phường Đức Thắng",
      kind: "WARD" as const,
      headName: "Nguyễn Văn An",
      status: "OVERDUE" as const,
      firstViewedAt: null,
      signedAt: null,
      countersignedAt: null,
      declineReason: null,
      registerNumber: "05/CK-UBND",
      issuedAt: null,
      issuingBody: "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG",
      daysOverdue: 3,
    };
    expect(unitsCsv([row], english)).toBe(
      "\uFEFFUnit,Type,Head of unit,Status,First viewed,Signed,Countersigned,Number,Issued,Issuing body,Days overdue,Reason for declining\r\nPhường Đức Thắng,Ward,Nguyễn Văn An,Overdue,,,,05/CK-UBND,,ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG,3,\r\n",
    );
    const xlsx = writeTemp(unitsXlsx([row], english), "monitoring.xlsx");
    expect(execFileSync("unzip", ["-p", xlsx, "xl/workbook.xml"], { encoding: "utf8" })).toContain('name="Monitoring"');
  });
});

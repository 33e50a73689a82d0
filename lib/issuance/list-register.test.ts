import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { createActor } from "@/lib/test/factories";
import { messagesFor } from "@/lib/i18n/messages-for";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { issueAssignments } from "./issue-assignments";
import { listRegister } from "./list-register";
import { registerCsv, registerXlsx } from "./register-export";
import { issuanceFixture } from "./testing/issuance-fixture";

describe("the register of outgoing documents", () => {
  it("shows a clerk their own body's register, city-level readers every body's (or one), nobody else anything; exports CSV and XLSX", async () => {
    const mine = await issuanceFixture(2);
    const theirs = await issuanceFixture(1);
    expect(await issueAssignments(mine.clerk, { assignmentIds: mine.ids })).toMatchObject({ ok: true, issued: 2 });
    expect(await issueAssignments(theirs.clerk, { all: true })).toMatchObject({ ok: true, issued: 1 });
    const year = Number(vietnamToday().slice(0, 4));

    const own = (await listRegister(mine.clerk, {}))!;
    expect(own).toMatchObject({ year, bodyId: mine.body.id, bodies: [] });
    expect(own.rows.map((r) => [r.bodyName, r.number, r.code, r.signerName])).toEqual([
      [mine.body.name, 1, "CK-UBND", mine.heads[0].assignment.headName],
      [mine.body.name, 2, "CK-UBND", mine.heads[1].assignment.headName],
    ]);
    // A clerk cannot look at another body by editing the URL.
    expect((await listRegister(mine.clerk, { body: theirs.body.id }))!.rows.every((r) => r.bodyName === mine.body.name)).toBe(true);
    expect((await listRegister(mine.clerk, { year: String(year - 1) }))!.rows).toEqual([]);

    const auditor = await createActor("AUDITOR");
    const all = (await listRegister(auditor, {}))!;
    expect(all.bodies.map((b) => b.id)).toEqual(expect.arrayContaining([mine.body.id, theirs.body.id]));
    expect(all.rows.filter((r) => [mine.body.name, theirs.body.name].includes(r.bodyName))).toHaveLength(3);
    expect((await listRegister(auditor, { body: theirs.body.id }))!.rows.map((r) => [r.bodyName, r.number])).toEqual([[theirs.body.name, 1]]);
    expect(await listRegister(mine.heads[0].actor, {})).toBeNull();

    const m = messagesFor("vi");
    const csv = registerCsv(own.rows, m);
    expect(csv.startsWith("\uFEFFCơ quan ban hành,Số,Ký hiệu,Ngày ban hành,Trích yếu nội dung,Người ký,Nơi nhận\r\n")).toBe(true);
    expect(csv).toContain(`${mine.body.name},1,CK-UBND,`);
    const sheet = strFromU8(unzipSync(registerXlsx(own.rows, m))["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain("Trích yếu nội dung");
    expect(sheet).toContain(mine.heads[1].assignment.headName);
  });
});

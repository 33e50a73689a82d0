import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";

// Its own units, heads, campaign and issuing body (e2e/support/issuance-fixture.ts): no other spec touches them.
const dataDir = process.env.E2E_DATA_DIR;
type Fixture = { clerkEmail: string; password: string; bodyName: string; units: string[] };

test.describe.serial("the clerk issues documents (Decree 30)", () => {
  let fixture: Fixture;

  test.beforeAll(() => {
    test.skip(!dataDir, "E2E_DATA_DIR not set");
    const run = spawnSync("npx", ["tsx", "e2e/support/issuance-fixture.ts"], {
      env: { ...process.env, CAMKET_DATA_DIR: dataDir, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    fixture = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
  });

  test("issues one document, then the rest as a batch; the register lists them and exports CSV; the issued PDF carries three valid signatures", async ({ page }) => {
    await signIn(page, fixture.clerkEmail, fixture.password);
    await expect(page).toHaveURL(/\/van-thu$/);
    await expect(page.getByText(`Cơ quan ban hành: ${fixture.bodyName}`)).toBeVisible();
    await expect(page.getByText("Đã có hình con dấu")).toBeVisible();
    const queue = page.getByTestId("issue-queue");
    for (const unit of fixture.units) await expect(queue).toContainText(unit);

    const [first, ...rest] = fixture.units;
    await queue.getByRole("row", { name: new RegExp(first!) }).getByRole("button", { name: "Ban hành" }).click();
    await expect(page.getByRole("status")).toHaveText(`Đã ban hành văn bản Số: 01/CK-UBND (${first}).`);
    await expect(queue).not.toContainText(first!);

    for (const unit of rest) await page.getByLabel(`Chọn ${unit}`).check();
    await page.getByRole("button", { name: "Ban hành các văn bản đã chọn" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã ban hành 2 văn bản.");
    await expect(queue).toContainText("Không có văn bản nào chờ ban hành.");

    await page.getByRole("link", { name: "Sổ văn bản đi" }).first().click();
    await expect(page).toHaveURL(/\/van-thu\/so-van-ban-di$/);
    const register = page.getByTestId("outgoing-register");
    await expect(register.getByRole("row")).toHaveCount(4); // header + three
    await expect(register.getByRole("row").nth(1)).toContainText("01");
    await expect(register.getByRole("row").nth(3)).toContainText("03");

    const csvDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Xuất CSV" }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^so-van-ban-di-\d{4}\.csv$/);
    const text = readFileSync(await csv.path(), "utf8");
    expect(text.split("\r\n")[0]).toBe("\uFEFFCơ quan ban hành,Số,Ký hiệu,Ngày ban hành,Trích yếu nội dung,Người ký,Nơi nhận");
    for (const n of [1, 2, 3]) expect(text).toContain(`${fixture.bodyName},${n},CK-UBND,`);

    const pdfDownload = page.waitForEvent("download");
    await register.getByRole("link", { name: "Tải PDF văn bản số 1" }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/-da-ban-hanh\.pdf$/);
    const file = test.info().outputPath("issued.pdf");
    await pdf.saveAs(file);
    const report = execFileSync("pdfsig", [file], { encoding: "utf8" });
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(3);
    expect(report).toContain("Signature Field Name: CoQuanBanHanh");
  });
});

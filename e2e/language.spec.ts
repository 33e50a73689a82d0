import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";

const CAMPAIGN = "Cam kết CCHC giai đoạn 2016–2020";
const VIETNAMESE_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

const mainNav = (page: Page) => page.getByRole("navigation", { name: /Main navigation|Điều hướng chính/ });

test("a head reads the app in English; the choice follows them to another browser; the document stays Vietnamese", async ({ page, browser }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrative reform commitment");
  await page.getByLabel("Email").fill(ACCOUNTS.headTienThanh);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/cam-ket$/);

  try {
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(mainNav(page).getByRole("link", { name: "My commitments" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // The screen's own words are English; the data (the person's name, unit and campaign names) is not translated.
    await expect(page.getByTestId("current-user")).toContainText("Head of unit · Xã Tiến Thành");
    const chrome = await page.locator("header nav, header button, main h1, main h2, main th, main p, footer").allInnerTexts();
    const words = chrome.join("\n").replace(/Tiếng Việt|Cam kết CCHC giai đoạn 2016–2020|.*· Xã Tiến Thành/g, "");
    expect(words).not.toMatch(VIETNAMESE_LETTERS);
    await expectNoSeriousViolations(page, "/cam-ket (en)");
    await page.screenshot({ path: "artifacts/journeys/en-1-my-commitments.png", fullPage: true });

    // The signed record is a Vietnamese legal document whatever the screen language.
    await page.getByRole("link", { name: CAMPAIGN }).click();
    await expect(page).toHaveURL(/\/cam-ket\/[0-9a-f-]{36}$/);
    await expectNoSeriousViolations(page, "/cam-ket/[id] (en)");
    await page.screenshot({ path: "artifacts/journeys/en-2-review.png", fullPage: true });
    const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
    expect(pdf.status()).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), "camket-lang-"));
    writeFileSync(path.join(dir, "cam-ket.pdf"), await pdf.body());
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "cam-ket.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("BẢN CAM KẾT");

    // A second browser with no cookie: the login page is Vietnamese, the account remembers English.
    const other = await browser.newContext();
    const second = await other.newPage();
    await signIn(second, ACCOUNTS.headTienThanh);
    await expect(second).toHaveURL(/\/cam-ket$/);
    await expect(second.locator("html")).toHaveAttribute("lang", "en");
    await expect(mainNav(second).getByRole("link", { name: "My commitments" })).toBeVisible();
    await other.close();
  } finally {
    // Back to Vietnamese, for the person and for the specs after this one.
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  }
  await expect(mainNav(page).getByRole("link", { name: "Cam kết của tôi" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Tiếng Việt" })).toHaveAttribute("aria-pressed", "true");
});

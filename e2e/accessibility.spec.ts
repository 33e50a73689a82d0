import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { ACCOUNTS, signInAndLand } from "./support/accounts";
import { waitForSignatureImage } from "./support/signing";

test("the login page has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousViolations(page, "/login");
});

const PAGES_BY_ROLE = [
  { email: ACCOUNTS.headNoiVu, home: "/cam-ket", pages: ["/cam-ket"] },
  { email: ACCOUNTS.chairperson, home: "/theo-doi", pages: ["/theo-doi", "/luu-tru"] },
  { email: ACCOUNTS.auditor, home: "/luu-tru", pages: ["/luu-tru", "/theo-doi", "/kiem-tra"] },
  {
    email: ACCOUNTS.admin,
    home: "/quan-tri",
    pages: ["/quan-tri", "/quan-tri/don-vi", "/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung/moi", "/quan-tri/mau-cam-ket", "/quan-tri/chien-dich", "/quan-tri/chien-dich/moi", "/quan-tri/chung-thu", "/quan-tri/tin-cay", "/quan-tri/hop-thu", "/quan-tri/uy-quyen"],
  },
];

for (const { email, home, pages } of PAGES_BY_ROLE) {
  test(`main pages of ${email} have no serious or critical accessibility violations`, async ({ page }) => {
    await signInAndLand(page, email, home);
    for (const path of pages) {
      await page.goto(path);
      await expectNoSeriousViolations(page, path);
    }
  });
}

test("the review and signing flow works by keyboard alone and is accessible", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.headNoiVu, "/cam-ket");
  await page.getByRole("link", { name: /Cam kết CCHC/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cam kết CCHC");
  await expectNoSeriousViolations(page, "/cam-ket/[id]");
  // Reaching the end by keyboard: End scrolls to the bottom, where the confirmation is.
  await page.keyboard.press("End");
  const checkbox = page.getByLabel("Tôi đã đọc toàn bộ nội dung bản cam kết");
  await expect(checkbox).toBeEnabled();
  await checkbox.focus();
  await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
  await page.getByRole("tab", { name: "Gõ tên" }).focus();
  await page.keyboard.press("Enter");
  await waitForSignatureImage(page);
  await page.getByLabel("Mật khẩu (nhập lại để xác nhận ký)").focus();
  await page.keyboard.type("CamKet@2017");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("signed-notice")).toBeVisible();
  await expectNoSeriousViolations(page, "/cam-ket/[id] đã ký");
});

test("detail pages (a unit's timeline, a template version, a unit, a user, a campaign) have no serious or critical accessibility violations", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/theo-doi");
  await page.getByRole("link", { name: "Phường Đức Thắng" }).click();
  await expect(page).toHaveURL(/\/theo-doi\/don-vi\/[0-9a-f-]{36}$/);
  await expectNoSeriousViolations(page, "/theo-doi/don-vi/[id]");
  await page.goto("/quan-tri/mau-cam-ket");
  await page.getByRole("link", { name: /Phiên bản 1/ }).first().click();
  await expect(page).toHaveURL(/\/quan-tri\/mau-cam-ket\/[0-9a-f-]{36}$/);
  await expectNoSeriousViolations(page, "/quan-tri/mau-cam-ket/[id]");
  for (const [list, name, path] of [
    ["/quan-tri/don-vi", "Phường Đức Thắng", "don-vi"],
    ["/quan-tri/nguoi-dung", "Nguyễn Hữu Đức", "nguoi-dung"],
    ["/quan-tri/chien-dich", "Cam kết CCHC giai đoạn 2016–2020", "chien-dich"],
  ] as const) {
    await page.goto(list);
    await page.getByRole("link", { name }).first().click();
    await expect(page).toHaveURL(new RegExp(`/quan-tri/${path}/[0-9a-f-]{36}$`));
    await expectNoSeriousViolations(page, `/quan-tri/${path}/[id]`);
  }
});

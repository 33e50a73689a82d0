import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signInAndLand } from "./support/accounts";
import { drawSignature, waitForSignatureImage } from "./support/signing";

// One journey per kind of user, as a person would do it, with a screenshot at each step (CI artifacts).
const shots = "artifacts/journeys";
mkdirSync(shots, { recursive: true });
const snap = (page: Page, name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });

test("unit head: opens the commitment, reads it, signs by typing the name, downloads the signed copy", async ({ page }) => {
  await signInAndLand(page, "xa-thien-nghiep@phanthiet.gov.vn", "/cam-ket");
  await snap(page, "1-truong-don-vi-1-danh-sach");
  await page.getByRole("link", { name: /Cam kết CCHC/ }).click();
  await snap(page, "1-truong-don-vi-2-doc-cam-ket");
  await page.getByTestId("end-of-document").scrollIntoViewIfNeeded();
  await page.getByLabel("Tôi đã đọc toàn bộ nội dung bản cam kết").check();
  await page.getByRole("tab", { name: "Gõ tên" }).click();
  await waitForSignatureImage(page);
  await page.getByLabel("Mật khẩu (nhập lại để xác nhận ký)").fill("CamKet@2017");
  await snap(page, "1-truong-don-vi-3-ky");
  await page.getByRole("button", { name: "Ký cam kết" }).click();
  await expect(page.getByTestId("signed-notice")).toBeVisible();
  await snap(page, "1-truong-don-vi-4-da-ky");
  const download = page.waitForEvent("download");
  await page.locator("li", { hasText: "Đã ký (người đứng đầu):" }).getByRole("link", { name: "Tải về" }).click();
  expect((await download).suggestedFilename()).toBe("cam-ket-xa-thien-nghiep-da-ky.pdf");
});

test("chairperson: sees who has not signed, reminds one unit, countersigns what is signed", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.chairperson, "/theo-doi");
  await snap(page, "2-chu-tich-1-theo-doi");
  await page.goto("/theo-doi?status=UNSIGNED&q=ham+tien");
  await page.getByTestId("units-table").getByRole("button", { name: "Nhắc ký" }).click();
  await expect(page.getByTestId("units-table").getByRole("status")).toContainText(/Đã gửi|đã được nhắc hôm nay/);
  await snap(page, "2-chu-tich-2-nhac-ky");
  await page.goto("/theo-doi");
  const panel = page.getByRole("region", { name: /Xác nhận hàng loạt/ });
  await drawSignature(panel);
  await waitForSignatureImage(panel);
  await panel.getByLabel("Mật khẩu (nhập lại để xác nhận)").fill("CamKet@2017");
  await panel.getByRole("button", { name: /Xác nhận tất cả|Ký xác nhận/ }).click();
  await expect(page.getByRole("progressbar", { name: "Tiến độ xác nhận" })).toHaveAttribute("aria-valuenow", "100");
  await snap(page, "2-chu-tich-3-xac-nhan");
});

test("admin: starts a new template version, edits a commitment, publishes it", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Mẫu cam kết" }).click();
  await snap(page, "3-quan-tri-1-mau");
  await page.getByRole("button", { name: "Soạn phiên bản mới" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("phiên bản 2");
  const commitments = page.getByLabel("Nội dung cam kết (đánh số tự động)");
  await commitments.fill(`${await commitments.inputValue()}\nCông khai kết quả thực hiện cam kết trên trang thông tin điện tử của đơn vị.`);
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Đã lưu bản nháp phiên bản 2");
  await page.getByRole("button", { name: "Công bố phiên bản" }).click();
  await expect(page.getByRole("main")).toContainText("Đã công bố: chỉ xem, không sửa được.");
  await expect(page.getByRole("article")).toContainText("Công khai kết quả thực hiện cam kết");
  await snap(page, "3-quan-tri-2-da-cong-bo");
});

test("auditor: reads the archive and downloads a signed document", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.auditor, "/luu-tru");
  await snap(page, "4-kiem-toan-1-luu-tru");
  await page.goto("/theo-doi?sort=signedAt&dir=desc");
  await snap(page, "4-kiem-toan-2-theo-doi");
  await page.getByTestId("units-table").getByRole("link").filter({ hasText: /Phường|Phòng|Xã/ }).first().click();
  await expect(page.getByTestId("timeline")).toContainText("Ký số");
  await snap(page, "4-kiem-toan-3-dien-bien");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Đã ký (người đứng đầu)" }).first().click();
  expect((await download).suggestedFilename()).toMatch(/^cam-ket-.+-da-ky\.pdf$/);
});

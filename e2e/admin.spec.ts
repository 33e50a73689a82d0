import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInAndLand } from "./support/accounts";

test("admin creates a unit and its head, and errors stand beside the fields", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Đơn vị" }).click();
  await page.getByRole("link", { name: "Thêm đơn vị" }).click();

  await page.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(page.locator("#name-error")).toHaveText("Tên đơn vị không được để trống");

  await page.getByLabel("Tên đơn vị").fill("Phường <b>Thử</b> Nghiệm");
  await page.getByLabel("Loại đơn vị").selectOption("WARD");
  await page.getByLabel("Mã đơn vị").fill("22999");
  await page.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phường <b>Thử</b> Nghiệm");

  await page.goto("/quan-tri/nguoi-dung/moi");
  await page.getByLabel("Họ và tên").fill("Lê Thị Thử");
  await page.getByLabel("Email").fill("Phuong-Thu-Nghiem@PhanThiet.gov.vn");
  await page.getByLabel("Chức vụ").fill("Chủ tịch UBND phường");
  await page.getByLabel("Vai trò").selectOption("UNIT_HEAD");
  await page.getByLabel("Đơn vị").selectOption({ label: "Phường <b>Thử</b> Nghiệm" });
  await page.getByLabel("Mật khẩu ban đầu").fill("Ba con vịt xòe ra 2026");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lê Thị Thử");
  await expect(page.getByLabel("Email")).toHaveValue("phuong-thu-nghiem@phanthiet.gov.vn");

  await page.goto("/quan-tri/don-vi?q=thu%20nghiem");
  await expect(page.getByRole("row", { name: /Thử.*Nghiệm/ })).toContainText("Lê Thị Thử");
});

test("admin cannot give a unit a second head", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/nguoi-dung/moi");
  await page.getByLabel("Họ và tên").fill("Trần Văn Thừa");
  await page.getByLabel("Email").fill("thua@phanthiet.gov.vn");
  await page.getByLabel("Chức vụ").fill("Chủ tịch UBND phường");
  await page.getByLabel("Vai trò").selectOption("UNIT_HEAD");
  await page.getByLabel("Đơn vị").selectOption({ label: "Phường Đức Thắng" });
  await page.getByLabel("Mật khẩu ban đầu").fill("Ba con vịt xòe ra 2026");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.locator("#unitId-error")).toHaveText("Đơn vị này đã có người đứng đầu đang hoạt động");
  await expect(page).toHaveURL(/\/quan-tri\/nguoi-dung\/moi$/);
});

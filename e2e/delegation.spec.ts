import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, signInAndLand, signOut } from "./support/accounts";
import { signOpenCommitment } from "./support/signing";

// Phường Lạc Đạo: a unit no other spec signs for. Its head is Cao Văn Thắng (Chủ tịch UBND phường).
const CAMPAIGN = "Cam kết CCHC giai đoạn 2016–2020";
const DEPUTY = { name: "Phan Thị Phó", email: "pho-lac-dao@phanthiet.gov.vn", password: "Ba con vịt xòe ra 2026" };
const vietnamDay = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("the admin delegates a ward head's signing to their deputy, who signs KT. CHỦ TỊCH with their own name", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/nguoi-dung/moi");
  await page.getByLabel("Họ và tên").fill(DEPUTY.name);
  await page.getByLabel("Email").fill(DEPUTY.email);
  await page.getByLabel("Chức vụ").fill("Phó Chủ tịch UBND phường");
  await page.getByLabel("Vai trò").selectOption("DEPUTY");
  await page.getByLabel("Đơn vị").selectOption({ label: "Phường Lạc Đạo" });
  await page.getByLabel("Mật khẩu ban đầu").fill(DEPUTY.password);
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEPUTY.name);

  // Without a delegation the deputy has nothing to sign.
  await signOut(page);
  await signIn(page, DEPUTY.email, DEPUTY.password);
  await expect(page).toHaveURL(/\/cam-ket$/);
  await expect(page.getByText("Hiện bạn không có ủy quyền ký thay nào còn hiệu lực.")).toBeVisible();
  await signOut(page);

  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/uy-quyen");
  await page.getByLabel("Người ủy quyền").selectOption({ label: "Cao Văn Thắng — Chủ tịch UBND phường (Phường Lạc Đạo)" });
  await page.getByLabel("Cấp phó được ủy quyền").selectOption({ label: `${DEPUTY.name} — Phó Chủ tịch UBND phường (Phường Lạc Đạo)` });
  // An end before the start is refused with its own message.
  await page.getByLabel("Đến hết ngày").fill(vietnamDay(-1));
  await page.getByRole("button", { name: "Cấp ủy quyền" }).click();
  await expect(page.locator("#validUntil-error")).toHaveText("Ngày kết thúc không được trước ngày bắt đầu.");
  await page.getByLabel("Đến hết ngày").fill(vietnamDay(7));
  await page.getByLabel("Lý do").fill("Chủ tịch phường đi công tác");
  await page.getByRole("button", { name: "Cấp ủy quyền" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã cấp ủy quyền" })).toContainText(`Đã cấp ủy quyền cho ${DEPUTY.name} ký thay Cao Văn Thắng.`);
  await expect(page.getByTestId("delegation-row").filter({ hasText: DEPUTY.name })).toContainText("Đang hiệu lực");
  await signOut(page);

  await signIn(page, DEPUTY.email, DEPUTY.password);
  await expect(page).toHaveURL(/\/cam-ket$/);
  await page.getByRole("link", { name: CAMPAIGN }).click();
  await expect(page.getByTestId("deputy-notice")).toContainText("Ký thay Cao Văn Thắng");
  await signOpenCommitment(page, DEPUTY.password);

  const downloadPromise = page.waitForEvent("download");
  await page.locator("li", { hasText: "Đã ký (người đứng đầu):" }).getByRole("link", { name: "Tải về" }).click();
  const file = test.info().outputPath("deputy-signed.pdf");
  await (await downloadPromise).saveAs(file);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  expect(text).toContain("KT. CHỦ TỊCH");
  expect(text).toContain("PHÓ CHỦ TỊCH");
  expect(text).toContain(DEPUTY.name);
  const report = execFileSync("pdfsig", [file], { encoding: "utf8" });
  expect(report).toContain("Signature is Valid");
  expect(report).toContain(DEPUTY.name);
});

import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { ACCOUNTS, signIn, signOut } from "./support/accounts";

/**
 * Two-step verification on a server with the default policy (admin, chairperson and clerk must have it; the
 * "second-factor" project in playwright.config.ts): the chairperson is sent to set it up before anything else,
 * signs in with a code from then on (a replayed code refused), can use a recovery code once, and the admin can
 * reset it.
 */

const codeAt = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

/** Enrols the signed-in person from the security page; returns their key and recovery codes. */
async function enrol(page: Page) {
  await expect(page).toHaveURL(/\/tai-khoan\/bao-mat$/);
  await expect(page.getByText("Vai trò của bạn bắt buộc dùng xác thực hai bước")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await expect(page.getByRole("img", { name: "Mã QR để thêm camket vào ứng dụng xác thực" })).toBeVisible();
  await page.getByLabel("Mã xác thực").fill(codeAt(secret, Date.now()));
  await page.getByRole("button", { name: "Bật xác thực hai bước" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
  return { secret, recoveryCodes, enrolledAt: Date.now() };
}

async function giveCode(page: Page, code: string) {
  await page.getByLabel("Mã xác thực").fill(code);
  await page.getByRole("button", { name: "Xác nhận" }).click();
}

test("a chairperson without a second factor sets it up first, then signs in with codes; the admin can reset it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.chairperson);
  await expect(page).toHaveURL(/\/tai-khoan\/bao-mat$/);
  // Nothing else opens before the set-up: pages are sent back, and the server treats the session as signed out.
  await page.goto("/theo-doi");
  await expect(page).toHaveURL(/\/tai-khoan\/bao-mat$/);
  const chair = await enrol(page);
  await page.locator("section").getByRole("link", { name: "Tiếp tục vào hệ thống" }).click();
  await expect(page).toHaveURL(/\/theo-doi$/);
  await signOut(page);

  // Next sign-in: password, then a code; the code already used is a replay.
  await signIn(page, ACCOUNTS.chairperson);
  await expect(page).toHaveURL(/\/xac-thuc-hai-buoc$/);
  await page.goto("/theo-doi");
  await expect(page).toHaveURL(/\/xac-thuc-hai-buoc$/);
  await giveCode(page, "000000" === codeAt(chair.secret, Date.now()) ? "111111" : "000000");
  await expect(page.getByRole("main")).toContainText("Mã xác thực không đúng.");
  await giveCode(page, codeAt(chair.secret, chair.enrolledAt));
  await expect(page.getByRole("main")).toContainText("Mã này đã được dùng. Hãy đợi mã mới trong ứng dụng.");
  await giveCode(page, codeAt(chair.secret, chair.enrolledAt + 30_000));
  await expect(page).toHaveURL(/\/theo-doi$/);
  await signOut(page);

  // A recovery code works once.
  await signIn(page, ACCOUNTS.chairperson);
  await giveCode(page, chair.recoveryCodes[0]!);
  await expect(page).toHaveURL(/\/theo-doi$/);
  await page.goto("/tai-khoan/bao-mat");
  await expect(page.getByTestId("second-factor-status")).toContainText("Còn 9 mã khôi phục chưa dùng.");
  await page.getByRole("link", { name: "Tiếp tục vào hệ thống" }).click();
  await signOut(page);

  // The admin (who must set up their own first) resets the chairperson's; the chairperson is sent to set it up again.
  await signIn(page, ACCOUNTS.admin);
  await enrol(page);
  await page.locator("section").getByRole("link", { name: "Tiếp tục vào hệ thống" }).click();
  await expect(page).toHaveURL(/\/quan-tri$/);
  await page.goto("/quan-tri/nguoi-dung?q=chutich");
  await page.getByRole("row", { name: /\bchutich@phanthiet\.gov\.vn/ }).getByRole("link").click();
  await expect(page.getByTestId("admin-second-factor")).toHaveText("Xác thực hai bước: đang bật");
  await page.getByRole("button", { name: "Đặt lại xác thực hai bước" }).click();
  await expect(page.getByTestId("admin-second-factor")).toHaveText("Xác thực hai bước: chưa bật");
  await signOut(page);
  await signIn(page, ACCOUNTS.chairperson);
  await expect(page).toHaveURL(/\/tai-khoan\/bao-mat$/);
});

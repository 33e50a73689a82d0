import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signInAndLand, signOut } from "./support/accounts";

/**
 * Single sign-on through a real OpenID provider (e2e/support/oidc-test-provider.ts, started by
 * playwright.config.ts): the province's portal vouches for a person, camket lets in only the accounts it
 * has, and every way the answer can be wrong leaves the visitor signed out with a plain message.
 */

const PORTAL = "Đăng nhập qua Cổng định danh tỉnh (thử nghiệm)";
const FAILED = "Đăng nhập qua cổng định danh không thành công (phản hồi không hợp lệ hoặc đã hết hạn). Vui lòng thử lại.";

/** Through the portal's own login form (any password: it is the provider's business, not camket's). */
async function signInThroughPortal(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: PORTAL }).click();
  await expect(page).toHaveURL(new RegExp(`^${process.env.E2E_OIDC_ISSUER}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("mat-khau-o-cong");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** The next answer of the provider is hostile (once). */
async function nextAnswer(mode: "wrong-state" | "wrong-nonce" | "wrong-audience" | "expired") {
  const response = await fetch(`${process.env.E2E_OIDC_ISSUER}/test/next`, { method: "POST", body: JSON.stringify({ mode }) });
  expect(response.status).toBe(204);
}

async function expectSignedOutWith(page: Page, message: string) {
  await expect(page).toHaveURL(/\/login\?(.*&)?error=/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
  await page.goto("/cam-ket");
  await expect(page).toHaveURL(/\/login/);
}

test("a head signs in through the portal, lands on their commitments, and signs out", async ({ page }) => {
  await signInThroughPortal(page, ACCOUNTS.headDucThang);
  await expect(page).toHaveURL(/\/cam-ket$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await signOut(page);
  await page.goto("/cam-ket");
  await expect(page).toHaveURL(/\/login/);
});

test("a portal account camket does not know is refused, and no account is made", async ({ page }) => {
  await signInThroughPortal(page, "nguoi-la@binhthuan.gov.vn");
  await expectSignedOutWith(page, "Tài khoản ở cổng định danh chưa được cấp quyền vào camket. Vui lòng liên hệ Phòng Nội vụ.");
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/nguoi-dung?q=nguoi-la");
  await expect(page.getByRole("main")).not.toContainText("nguoi-la@binhthuan.gov.vn");
});

test("an address the portal has not verified is refused", async ({ page }) => {
  await signInThroughPortal(page, "unverified.phong-noi-vu@phanthiet.gov.vn");
  await expectSignedOutWith(page, "Cổng định danh chưa xác minh địa chỉ email của bạn, nên camket không thể nhận diện tài khoản.");
});

test("a deactivated account is refused although the portal vouches for it", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/nguoi-dung/moi");
  await page.getByLabel("Họ và tên").fill("Ngô Văn Nghỉ");
  await page.getByLabel("Email").fill("nghi.sso@phanthiet.gov.vn");
  await page.getByLabel("Chức vụ").fill("Kiểm toán viên");
  await page.getByLabel("Vai trò").selectOption("AUDITOR");
  await page.getByLabel("Mật khẩu ban đầu").fill("Ba con vịt xòe ra 2026");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ngô Văn Nghỉ");
  await page.getByRole("button", { name: "Vô hiệu hóa tài khoản" }).click();
  await expect(page.getByRole("button", { name: "Kích hoạt lại tài khoản" })).toBeVisible();
  await signOut(page);

  await signInThroughPortal(page, "nghi.sso@phanthiet.gov.vn");
  await expectSignedOutWith(page, "Tài khoản camket của bạn đã bị khóa. Vui lòng liên hệ Phòng Nội vụ.");
});

for (const mode of ["wrong-state", "wrong-nonce", "wrong-audience", "expired"] as const) {
  test(`an answer with ${mode} is refused and nobody is signed in`, async ({ page }) => {
    await nextAnswer(mode);
    await signInThroughPortal(page, ACCOUNTS.headDucThang);
    await expectSignedOutWith(page, FAILED);
  });
}

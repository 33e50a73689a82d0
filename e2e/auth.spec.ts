import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn, signInAndLand } from "./support/accounts";

test.describe("đăng nhập theo vai trò", () => {
  const homes = [
    { who: ACCOUNTS.headDucThang, home: "/cam-ket", heading: "Cam kết của tôi", detail: "Phường Đức Thắng" },
    { who: ACCOUNTS.chairperson, home: "/theo-doi", heading: "Theo dõi ký cam kết", detail: "Phường Đức Thắng" },
    { who: ACCOUNTS.admin, home: "/quan-tri", heading: "Quản trị", detail: "Đơn vị đang hoạt động" },
    { who: ACCOUNTS.auditor, home: "/luu-tru", heading: "Lưu trữ hồ sơ cam kết", detail: "Xã Tiến Thành" },
  ];
  for (const { who, home, heading, detail } of homes) {
    test(`${who} vào ${home}`, async ({ page }) => {
      await signInAndLand(page, who, home);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole("main")).toContainText(detail);
    });
  }

  test("the unit head sees their name, role and unit in the header", async ({ page }) => {
    await signInAndLand(page, ACCOUNTS.headDucThang, "/cam-ket");
    await expect(page.getByTestId("current-user")).toContainText("Nguyễn Hữu Đức");
    await expect(page.getByTestId("current-user")).toContainText("Người đứng đầu đơn vị · Phường Đức Thắng");
  });
});

test("a wrong password shows the generic message and stays on /login", async ({ page }) => {
  await signIn(page, ACCOUNTS.headTienThanh, "SaiMatKhau");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email hoặc mật khẩu không đúng");
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, "khong-co-ai@phanthiet.gov.vn", "SaiMatKhau");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email hoặc mật khẩu không đúng");
});

test("signed-out visitors are sent to /login", async ({ page }) => {
  await page.goto("/quan-tri/nguoi-dung");
  await expect(page).toHaveURL(/\/login/);
});

test("a unit head opening /quan-tri gets 403", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.headDucThang, "/cam-ket");
  const response = await page.goto("/quan-tri");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
  const users = await page.goto("/quan-tri/nguoi-dung");
  expect(users?.status()).toBe(403);
});

test("logout ends the session, and a copy of the cookie taken before dies with it", async ({ page, context }) => {
  await signInAndLand(page, ACCOUNTS.auditor, "/luu-tru");
  const copied = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/luu-tru");
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies([copied]);
  await page.goto("/luu-tru");
  await expect(page).toHaveURL(/\/login/);
});

test("the admin's 'sign out everywhere' ends the person's open session", async ({ page, browser }) => {
  const auditor = await browser.newPage();
  await signInAndLand(auditor, ACCOUNTS.auditor, "/luu-tru");
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto(`/quan-tri/nguoi-dung?q=${ACCOUNTS.auditor}`);
  await page.getByRole("row", { name: new RegExp(ACCOUNTS.auditor) }).getByRole("link").click();
  await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await expect(page.getByText(`Đã đăng xuất ${ACCOUNTS.auditor} khỏi mọi thiết bị`)).toBeVisible();
  await auditor.reload();
  await expect(auditor).toHaveURL(/\/login/);
  await auditor.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the login form posts (the password never in a URL) and lands on the home page; a failure shows the message", async ({ page }) => {
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await signIn(page, ACCOUNTS.auditor, "Sai-MatKhau-1");
    await expect(page).toHaveURL(/\/login\?error=invalid$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email hoặc mật khẩu không đúng");
    await signIn(page, ACCOUNTS.auditor);
    await expect(page).toHaveURL(/\/luu-tru$/);
    await expect(page.getByRole("heading", { level: 1, name: "Lưu trữ hồ sơ cam kết" })).toBeVisible();
    for (const url of urls) {
      expect(url).not.toContain("password");
      expect(decodeURIComponent(url)).not.toContain(DEMO_PASSWORD);
      expect(decodeURIComponent(url)).not.toContain("Sai-MatKhau-1");
    }
  });
});

test("a session lasts eight hours; a forged session cookie is a signed-out visitor", async ({ page, context }) => {
  await signInAndLand(page, ACCOUNTS.auditor, "/luu-tru");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  const hoursLeft = (session!.expires * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(7.9);
  expect(hoursLeft).toBeLessThanOrEqual(8.01);

  await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -4)}AAAA` }]);
  await page.goto("/luu-tru");
  await expect(page).toHaveURL(/\/login/);
});

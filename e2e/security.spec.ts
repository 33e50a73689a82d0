import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInAndLand } from "./support/accounts";

test("every page carries a CSP and the standard security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("scripts run only with this response's nonce: no 'unsafe-inline', a new nonce each time, no violations", async ({ page, request }) => {
  const nonceOf = (csp: string | undefined) => /script-src 'self' 'nonce-([A-Za-z0-9+/=]{16,})' 'strict-dynamic'(;|$)/.exec(csp ?? "")?.[1];
  const first = (await request.get("/login")).headers()["content-security-policy"];
  const second = (await request.get("/login")).headers()["content-security-policy"];
  expect(first).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(nonceOf(first)).toBeTruthy();
  expect(nonceOf(second)).not.toBe(nonceOf(first));

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await signInAndLand(page, ACCOUNTS.chairperson, "/theo-doi");
  await page.goto("/luu-tru");
  await page.goto("/kiem-tra");
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeEnabled();
  expect(violations).toEqual([]);
});

test("a server action whose Origin is forged is refused and changes nothing", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/don-vi/moi");
  // The real form, the real action — but the request arrives claiming to come from another site.
  let forged = 0;
  let status = 0;
  await page.route("**/quan-tri/don-vi/moi", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    forged++;
    const response = await route.fetch({ headers: { ...route.request().headers(), origin: "https://ke-gian.example" } });
    status = response.status();
    await route.fulfill({ response });
  });
  await page.getByLabel("Tên đơn vị").fill("Phường Giả Mạo");
  await page.getByLabel("Mã đơn vị").fill("GIAMAO");
  await page.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect.poll(() => status).toBeGreaterThanOrEqual(400);
  expect(forged).toBe(1);
  await page.unroute("**/quan-tri/don-vi/moi");
  await page.goto("/quan-tri/don-vi?q=gia+mao");
  await expect(page.getByText("Không có đơn vị nào khớp bộ lọc.")).toBeVisible();
});

test("the login endpoint refuses a POST without next-auth's CSRF token", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: ACCOUNTS.admin, password: "CamKet@2017" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toContain("csrf=true");
});

test("a crafted 18 MB PDF uploaded to /kiem-tra is refused with a reason, and the server keeps answering", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(tmpdir(), "camket-crafted-"));
  const crafted = path.join(dir, "xref-khong-lo.pdf");
  // One /ByteRange per line, no objects: a reader that looks backwards for " obj" at each one never finishes.
  writeFileSync(crafted, `%PDF-1.7\n${"/ByteRange [0 1 2 3]\n".repeat(900_000)}%%EOF`);
  await signInAndLand(page, ACCOUNTS.auditor, "/luu-tru");
  await page.goto("/kiem-tra");
  await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(crafted);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Tệp có quá nhiều chữ ký để kiểm tra (tối đa 20).", { timeout: 20_000 });
  expect((await request.get("/login")).status()).toBe(200);
});

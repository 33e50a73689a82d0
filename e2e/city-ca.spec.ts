import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInAndLand } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";

test("signed out, the login page links to /ca, which shows the fingerprint openssl prints for the downloaded PEM", async ({ page, request }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Chứng thư CA của thành phố và dấu vân tay" }).click();
  await expect(page).toHaveURL(/\/ca$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chứng thư gốc (CA) của UBND thành phố");
  await expectNoSeriousViolations(page, "/ca");

  const pem = await request.get("/ca/city-ca.pem", { maxRedirects: 0 });
  expect(pem.status()).toBe(200);
  const der = await request.get("/ca/city-ca.der", { maxRedirects: 0 });
  expect(der.status()).toBe(200);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "camket-ca-")), "city-ca.pem");
  writeFileSync(file, await pem.body());
  const line = execFileSync("openssl", ["x509", "-in", file, "-noout", "-fingerprint", "-sha256"], { encoding: "utf8" }).trim();
  await expect(page.locator("pre", { hasText: "openssl x509" })).toContainText(line);
  // Revocation anyone can check: the CRL and the OCSP responder are named on the same page (issue 15).
  await expect(page.getByText("/ca/crl/city-ca.crl", { exact: true })).toBeVisible();
  await expect(page.locator("pre", { hasText: "openssl ocsp" })).toContainText("/ca/ocsp");
  await expect(page.getByText(line.replace("sha256 Fingerprint=", ""), { exact: true })).toBeVisible();
});

test("signed in, the footer links to the same page", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.auditor, "/luu-tru");
  await page.getByRole("contentinfo").getByRole("link", { name: "Chứng thư CA của thành phố và dấu vân tay" }).click();
  await expect(page).toHaveURL(/\/ca$/);
  await expect(page.getByRole("link", { name: "Về trang chính" })).toBeVisible();
});

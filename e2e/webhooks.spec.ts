import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInAndLand, signOut } from "./support/accounts";
import { signAsHead } from "./support/sign-in-browser";
import { startWebhookReceiver } from "../lib/webhooks/testing/webhook-receiver";
import { verifyWebhookSignature } from "../lib/webhooks/verify-webhook-signature";

const HEAD = "phong-tai-nguyen-va-moi-truong@phanthiet.gov.vn";

test("an admin registers an endpoint; a head signs; the signed request arrives and the log shows it delivered", async ({ page }) => {
  test.setTimeout(90_000);
  const receiver = await startWebhookReceiver(200);
  try {
    await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
    await page.getByRole("link", { name: "Webhook →" }).click();
    await expect(page).toHaveURL(/\/quan-tri\/webhook$/);
    await page.getByLabel("Tên").fill("Hệ thống một cửa");
    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel(/Cam kết được ký assignment\.signed$/).check();
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await signOut(page);

    await signAsHead(page, HEAD);

    // The server's own loop (every 5 s, after a 5 s settle window) sends it.
    await expect.poll(() => receiver.received.length, { timeout: 40_000 }).toBe(1);
    const [{ headers, body }] = receiver.received;
    expect(headers["camket-event"]).toBe("assignment.signed");
    expect(verifyWebhookSignature({ secret, header: headers["camket-signature"] as string, body })).toBe(true);

    await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
    await page.goto("/quan-tri/webhook");
    await expect(page.getByTestId("webhook-delivery").first()).toContainText("Đã gửi");
  } finally {
    await receiver.close();
  }
});

import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInAndLand, signOut } from "./support/accounts";

// A campaign of its own, over a unit no other spec uses (Phường Bình Hưng), closed here: the demo campaign
// the other specs sign in stays open.
const CAMPAIGN = "Chiến dịch thử đóng sổ";
const HEAD = "phuong-binh-hung@phanthiet.gov.vn";
const CLOSED = "Chiến dịch đã đóng: không thể ký, từ chối, xác nhận, nhắc, cấp lại, mở lại hay ban hành; hồ sơ lưu trữ là bản cuối cùng.";
const vietnamDay = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("the admin closes a campaign; its head then sees why nothing can be signed, and a direct POST is refused", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/chien-dich/moi");
  await page.getByLabel("Tên chiến dịch").fill(CAMPAIGN);
  await page.getByLabel("Hạn ký").fill(vietnamDay(10));
  await page.getByLabel("Chọn từng đơn vị").check();
  await page.getByLabel("Phường Bình Hưng").check();
  await page.getByRole("button", { name: "Tạo chiến dịch (bản nháp)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CAMPAIGN);
  await page.getByRole("button", { name: "Phát động chiến dịch" }).click();
  await expect(page.getByRole("button", { name: "Đóng chiến dịch" })).toBeVisible();

  // The confirmation box is required; then the campaign is closed for good.
  await page.getByLabel("Đóng chiến dịch này? Không thể hoàn tác.").check();
  await page.getByRole("button", { name: "Đóng chiến dịch" }).click();
  await expect(page.getByTestId("campaign-closed")).toContainText("Chiến dịch đã đóng lúc");
  await expect(page.getByRole("button", { name: "Đóng chiến dịch" })).toHaveCount(0);
  await signOut(page);

  await signInAndLand(page, HEAD, "/cam-ket");
  await page.getByRole("link", { name: CAMPAIGN }).click();
  await expect(page.getByRole("heading", { level: 1, name: CAMPAIGN })).toBeVisible();
  await expect(page.getByTestId("signing-window-refusal")).toHaveText(CLOSED);
  await expect(page.getByLabel("Tôi đã đọc toàn bộ nội dung bản cam kết")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ký cam kết" })).toHaveCount(0);

  // The sign endpoint refuses it with the same words; nothing is signed.
  const reviewedSha256 = (await page.getByTestId("document-sha256").first().textContent())!.trim();
  const answer = await page.evaluate(async (sha) => {
    const canvas = document.createElement("canvas");
    canvas.width = 200;
    canvas.height = 80;
    const context = canvas.getContext("2d")!;
    context.moveTo(10, 60);
    context.lineTo(190, 20);
    context.stroke();
    const body = JSON.stringify({ reviewedSha256: sha, password: "CamKet@2017", signatureImage: canvas.toDataURL("image/png") });
    const response = await fetch(`${location.pathname}/ky`, { method: "POST", headers: { "content-type": "application/json" }, body });
    return { status: response.status, body: await response.json() };
  }, reviewedSha256);
  expect(answer).toEqual({ status: 409, body: { ok: false, message: CLOSED } });
  await page.reload();
  await expect(page.getByTestId("signed-notice")).toHaveCount(0);
});

import { expect, type Page } from "@playwright/test";
import { signInAndLand, signOut, DEMO_PASSWORD } from "./accounts";
import { waitForSignatureImage } from "./signing";

const CAMPAIGN = "Cam kết CCHC giai đoạn 2016–2020";

/** A head opens their commitment, reads to the end and ticks the confirmation (the sign form appears). */
export async function openAndConfirm(page: Page, email: string) {
  await signInAndLand(page, email, "/cam-ket");
  await page.getByRole("link", { name: CAMPAIGN }).click();
  await page.getByTestId("end-of-document").scrollIntoViewIfNeeded();
  await page.getByLabel("Tôi đã đọc toàn bộ nội dung bản cam kết").check();
}

/** Signs by typing the name (the keyboard way), then signs out. */
export async function signAsHead(page: Page, email: string) {
  await openAndConfirm(page, email);
  await page.getByRole("tab", { name: "Gõ tên" }).click();
  await waitForSignatureImage(page);
  await page.getByLabel("Mật khẩu (nhập lại để xác nhận ký)").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Ký cam kết" }).click();
  await expect(page.getByTestId("signed-notice")).toBeVisible();
  await signOut(page);
}

export async function declineAsHead(page: Page, email: string, reason: string) {
  await openAndConfirm(page, email);
  await page.getByRole("button", { name: "Từ chối ký…" }).click();
  await page.getByLabel("Lý do từ chối ký").fill(reason);
  await page.getByRole("button", { name: "Xác nhận từ chối ký" }).click();
  await expect(page.getByRole("main")).toContainText(`Lý do từ chối: ${reason}`);
  await signOut(page);
}

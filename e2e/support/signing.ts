import { expect, type Locator, type Page } from "@playwright/test";

/** Draws a zig-zag on the signature pad (the one inside `scope`), as a finger or mouse would. */
export async function drawSignature(scope: Page | Locator) {
  const page = "mouse" in scope ? scope : scope.page();
  const canvas = scope.getByTestId("signature-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 40 + i * 25, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await page.mouse.up();
}

export async function confirmReadToEnd(page: Page) {
  await page.getByTestId("end-of-document").scrollIntoViewIfNeeded();
  await page.getByLabel("Tôi đã đọc toàn bộ nội dung bản cam kết").check();
}

/** On an open commitment page: read to the end, draw, type the password, sign, see the notice. */
export async function signOpenCommitment(page: Page, password: string) {
  await confirmReadToEnd(page);
  await drawSignature(page);
  await page.getByLabel("Mật khẩu (nhập lại để xác nhận ký)").fill(password);
  await page.getByRole("button", { name: "Ký cam kết" }).click();
  await expect(page.getByTestId("signed-notice")).toContainText("Bản cam kết đã được ký số lúc");
}

/**
 * The typed-name signature is drawn once its font has loaded (asynchronously); a keyboard user who submits at
 * once can beat it. Waits until the sign form (or countersign panel, `scope`) carries the image, as a person
 * would see it appear: both signatures require it.
 */
export async function waitForSignatureImage(scope: Page | Locator) {
  await expect.poll(() => scope.locator('input[name="signatureImage"]').inputValue()).toMatch(/^data:image\/png;base64,/);
}

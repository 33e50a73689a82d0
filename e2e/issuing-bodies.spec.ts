import { expect, test } from "@playwright/test";
import { demoSealPng } from "@/lib/issuing-bodies/demo-seal-png";
import { ACCOUNTS, signInAndLand } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";

// Its own body and unit: no other spec prints under them.
const BODY = "ỦY BAN NHÂN DÂN PHƯỜNG THỬ SÁP NHẬP";
const UNIT = "Phường Thử Sáp Nhập";

test("admin creates an issuing body, refuses a JPEG seal with its reason, uploads a PNG seal and moves a unit to the body", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/co-quan-ban-hanh");
  await expect(page.getByRole("row", { name: /ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN THIẾT/ })).toContainText("Thành phố");
  await expectNoSeriousViolations(page, "/quan-tri/co-quan-ban-hanh");
  await page.getByRole("link", { name: "Thêm cơ quan ban hành" }).click();
  await expectNoSeriousViolations(page, "/quan-tri/co-quan-ban-hanh/moi");

  const fill = async (name: string) => {
    await page.getByLabel("Cơ quan cấp trên").fill("UBND THÀNH PHỐ PHAN THIẾT");
    await page.getByLabel("Tên cơ quan ban hành").fill(name);
    await page.getByLabel("Địa danh").fill("Phan Thiết");
    await page.getByLabel("Chữ viết tắt").fill("ubnd");
    await page.getByRole("button", { name: "Tạo cơ quan" }).click();
  };
  await fill("Ủy ban nhân dân phường Thử Sáp Nhập");
  await expect(page.locator("#name-error")).toHaveText("Phải viết hoa toàn bộ, đúng như in trên văn bản");
  await fill(BODY);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(BODY);
  await expect(page.getByLabel("Chữ viết tắt")).toHaveValue("UBND");
  const bodyUrl = page.url();

  const seal = page.getByLabel("Tệp PNG nền trong suốt, con dấu màu đỏ");
  await seal.setInputFiles({ name: "con-dau.jpg", mimeType: "image/jpeg", buffer: Buffer.from("ffd8ffe000104a4649460001010000010001ffd9", "hex") });
  await page.getByRole("button", { name: "Tải lên con dấu" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Tệp không phải ảnh PNG. Hãy xuất con dấu ra PNG nền trong suốt (không dùng JPEG).");
  await expect(page.getByRole("img", { name: `Con dấu của ${BODY}` })).toHaveCount(0);

  await seal.setInputFiles({ name: "con-dau.png", mimeType: "image/png", buffer: Buffer.from(demoSealPng(BODY)) });
  await page.getByRole("button", { name: "Tải lên con dấu" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Đã lưu con dấu.");
  const thumbnail = page.getByRole("img", { name: `Con dấu của ${BODY}` });
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
  await expectNoSeriousViolations(page, "/quan-tri/co-quan-ban-hanh/[id]");

  await page.getByLabel("Số tiếp theo").fill("7");
  await page.getByRole("button", { name: "Đặt số tiếp theo" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Số tiếp theo của năm" })).toContainText("là 7.");
  await expect(page.getByText(/^Số tiếp theo: 7\. Số lớn nhất đã dùng: 0\.$/)).toBeVisible();

  await page.goto("/quan-tri/don-vi/moi");
  await page.getByLabel("Tên đơn vị").fill(UNIT);
  await page.getByLabel("Loại đơn vị").selectOption("WARD");
  await page.getByLabel("Mã đơn vị").fill("22997");
  await page.getByLabel("Cơ quan ban hành").selectOption({ label: BODY });
  await page.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(UNIT);
  await expect(page.getByLabel("Cơ quan ban hành")).toHaveValue(bodyUrl.split("/").pop()!);

  await page.goto(bodyUrl);
  await expect(page.getByRole("link", { name: UNIT })).toBeVisible();
  await page.goto("/quan-tri/co-quan-ban-hanh");
  await expect(page.getByRole("row", { name: new RegExp(BODY) })).toContainText("UBND");
});

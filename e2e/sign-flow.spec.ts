import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signInAndLand, signOut } from "./support/accounts";
import { confirmReadToEnd, drawSignature, waitForSignatureImage } from "./support/signing";

const CAMPAIGN = "Cam kết CCHC giai đoạn 2016–2020";

async function openMyCommitment(page: Page, email: string) {
  await signInAndLand(page, email, "/cam-ket");
  await page.getByRole("link", { name: CAMPAIGN }).click();
  await expect(page.getByRole("heading", { level: 1, name: CAMPAIGN })).toBeVisible();
}

test.describe.serial("review, sign, countersign, decline", () => {
  let ducThangUrl = "";

  test("a head reads the commitment and can sign only after ticking the box at the end", async ({ page }) => {
    await openMyCommitment(page, ACCOUNTS.headDucThang);
    ducThangUrl = page.url();
    await expect(page.getByRole("article")).toContainText("Nguyễn Hữu Đức");
    // Number and date are the clerk's, at issuance: the review screen shows where they go, not a preset date.
    await expect(page.getByRole("article")).toContainText("Số: …/CK-UBND");
    await expect(page.getByRole("article")).toContainText("Phan Thiết, ngày … tháng … năm …");
    await expect(page.getByRole("region", { name: "Nơi nhận:" })).toContainText("- Lưu: VT.");
    await expect(page.getByTestId("document-sha256")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByRole("button", { name: "Ký cam kết" })).toHaveCount(0);
    await confirmReadToEnd(page);
    await expect(page.getByRole("button", { name: "Ký cam kết" })).toBeVisible();
  });

  test("another unit's head gets 404 on that commitment", async ({ page }) => {
    await signInAndLand(page, ACCOUNTS.headTienThanh, "/cam-ket");
    const response = await page.goto(ducThangUrl);
    expect(response?.status()).toBe(404);
    const pdf = await page.request.get(`${ducThangUrl}/pdf`);
    expect(pdf.status()).toBe(404);
  });

  test("wrong password signs nothing; the right one signs and the signed PDF downloads", async ({ page }) => {
    await openMyCommitment(page, ACCOUNTS.headDucThang);
    await confirmReadToEnd(page);
    await drawSignature(page);
    await page.getByLabel("Mật khẩu (nhập lại để xác nhận ký)").fill("SaiMatKhau!");
    await page.getByRole("button", { name: "Ký cam kết" }).click();
    await expect(page.locator("#password-error")).toHaveText("Mật khẩu không đúng. Chưa có gì được ký.");
    await expect(page.getByText("Đã ký (người đứng đầu):")).toHaveCount(0);

    await page.getByLabel("Mật khẩu (nhập lại để xác nhận ký)").fill("CamKet@2017");
    await page.getByRole("button", { name: "Ký cam kết" }).click();
    await expect(page.getByTestId("signed-notice")).toContainText("Bản cam kết đã được ký số lúc");
    // Signed but not yet countersigned: B-LT, no archive timestamp yet.
    await expect(page.getByTestId("archive-notice")).toHaveCount(0);

    const downloadPromise = page.waitForEvent("download");
    await page.locator("li", { hasText: "Đã ký (người đứng đầu):" }).getByRole("link", { name: "Tải về" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("cam-ket-phuong-duc-thang-da-ky.pdf");
    const file = test.info().outputPath("signed.pdf");
    await download.saveAs(file);
    const report = execFileSync("pdfsig", [file], { encoding: "utf8" });
    expect(report).toContain("Signature is Valid");
    expect(report).toContain("Nguyễn Hữu Đức");
    // The head's widget draws the name and signing time (App. I ô 7); the base page prints Nơi nhận, no preset date.
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toMatch(/Ký số: \d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(\+07:00\)/);
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("- Lưu: VT.");
    expect(text).not.toMatch(/Phan Thiết, ngày \d/);
  });

  test("a head declines with a reason; the chairperson reads it and reissues", async ({ page }) => {
    await openMyCommitment(page, ACCOUNTS.headTienThanh);
    await confirmReadToEnd(page);
    await page.getByRole("button", { name: "Từ chối ký…" }).click();
    await page.getByRole("button", { name: "Xác nhận từ chối ký" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Dữ liệu chưa hợp lệ");
    await page.getByLabel("Lý do từ chối ký").fill("Tên đơn vị trong bản cam kết cần cập nhật theo quyết định mới.");
    await page.getByRole("button", { name: "Xác nhận từ chối ký" }).click();
    await expect(page.getByRole("main")).toContainText("Lý do từ chối: Tên đơn vị trong bản cam kết cần cập nhật theo quyết định mới.");
    await expect(page.getByRole("button", { name: "Ký cam kết" })).toHaveCount(0);

    await signOut(page);
    await signInAndLand(page, ACCOUNTS.chairperson, "/theo-doi");
    const declined = page.locator("section", { hasText: "Đơn vị từ chối ký" });
    await expect(declined).toContainText("Xã Tiến Thành");
    await expect(declined).toContainText("cần cập nhật theo quyết định mới");
    const tienThanh = declined.getByRole("listitem").filter({ hasText: "Xã Tiến Thành" });
    await tienThanh.getByRole("button", { name: "Phát hành lại" }).click();
    await expect(tienThanh).toHaveCount(0);

    await signOut(page);
    await signInAndLand(page, ACCOUNTS.headTienThanh, "/cam-ket");
    await expect(page.getByRole("listitem").filter({ hasText: CAMPAIGN })).toContainText("bản phát hành lại lần 2");
    await expect(page.getByRole("listitem").filter({ hasText: CAMPAIGN })).toContainText("Chưa xem");
  });

  test("the chairperson bulk-countersigns and the progress bar reaches 100%", async ({ page }) => {
    await signInAndLand(page, ACCOUNTS.chairperson, "/theo-doi");
    const panel = page.getByRole("region", { name: `Xác nhận hàng loạt — ${CAMPAIGN}` });
    await expect(panel).toContainText(/\d+ bản cam kết đã được người đứng đầu ký/);
    await drawSignature(panel);
    await waitForSignatureImage(panel);
    await panel.getByLabel("Mật khẩu (nhập lại để xác nhận)").fill("CamKet@2017");
    await panel.getByRole("button", { name: /Ký xác nhận|Xác nhận tất cả/ }).click();
    await expect(page.getByRole("progressbar", { name: "Tiến độ xác nhận" })).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByTestId("countersign-progress")).toHaveText(/^(\d+)\/\1 \(100%\)$/);
    await expect(panel.getByRole("status")).toContainText(/Kết quả: \d+ thành công, 0 không thành công./);

    // Countersigned, so complete: the head's page says the file is archived (B-LTA) and when it is renewed.
    await signOut(page);
    await openMyCommitment(page, ACCOUNTS.headDucThang);
    await expect(page.getByTestId("archive-notice")).toContainText(/Lưu trữ dài hạn \(PAdES B-LTA\).*tự gia hạn trước ngày \d\d\/\d\d\/\d{4}/);
  });
});

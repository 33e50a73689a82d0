import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { PDFDocument, rgb } from "@cantoo/pdf-lib";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signInAndLand } from "./support/accounts";
import { signOpenCommitment } from "./support/signing";

const CAMPAIGN = "Cam kết CCHC giai đoạn 2016–2020";
// A unit no other spec touches, so this file does not depend on the order the specs run in.
const HEAD = "thanh-tra-thanh-pho@phanthiet.gov.vn";
const MB = 1024 * 1024;

test.describe.serial("/kiem-tra", () => {
  test("a signed PDF drawn over afterwards is reported modified after signing, in red; cut in half, damaged", async ({ page }) => {
    await signInAndLand(page, HEAD, "/cam-ket");
    await page.getByRole("link", { name: CAMPAIGN }).click();
    await signOpenCommitment(page, DEMO_PASSWORD);
    const download = page.waitForEvent("download");
    await page.locator("li", { hasText: "Đã ký (người đứng đầu):" }).getByRole("link", { name: "Tải về" }).click();
    const signedPath = test.info().outputPath("signed.pdf");
    await (await download).saveAs(signedPath);

    // An incremental update, as any PDF editor appends one: a white box and new text over page 1.
    const doc = await PDFDocument.load(readFileSync(signedPath), { forIncrementalUpdate: true, updateMetadata: false });
    doc.getPage(0).drawRectangle({ x: 60, y: 500, width: 480, height: 200, color: rgb(1, 1, 1) });
    doc.getPage(0).drawText("Noi dung da bi thay", { x: 80, y: 600, size: 20 });
    const modifiedPath = test.info().outputPath("modified.pdf");
    writeFileSync(modifiedPath, await doc.save({ useObjectStreams: false }));
    // poppler agrees the signature no longer covers the whole file.
    expect(execFileSync("pdfsig", [modifiedPath], { encoding: "utf8" })).toContain("Not total document signed");

    await page.goto("/kiem-tra");
    const check = async (file: string) => {
      await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(file);
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    };
    await check(signedPath);
    const result = page.getByTestId("verification-result");
    await expect(result.getByRole("status")).toHaveText("Tất cả 1 chữ ký đều hợp lệ, do CA của thành phố cấp và chưa bị thu hồi.");
    await expect(result.getByRole("status")).toHaveAttribute("data-verdict", "valid");
    // Every signature camket makes is B-LT: only its validation data (a DSS revision) follows it.
    await expect(result.getByTestId("signature-check")).toContainText("Thêm vào sau chữ ký này (được phép): dữ liệu xác thực chứng thư (DSS).");
    await expect(result.getByTestId("signature-check")).toContainText("Mức PAdES: B-LT");

    await check(modifiedPath);
    const headline = result.getByRole("status");
    await expect(headline).toHaveText("Tệp đã bị sửa đổi sau khi ký: nội dung hiện tại không còn là nội dung đã được ký — xem chi tiết từng chữ ký.");
    await expect(headline).toHaveAttribute("data-verdict", "modified");
    await expect(headline).toHaveClass(/text-red-900/);
    const signature = result.getByTestId("signature-check");
    await expect(signature).toHaveCount(1);
    await expect(signature).toContainText("Đinh Công Lý");
    await expect(signature).toContainText("Tệp bị sửa đổi sau chữ ký này");
    await expect(signature).toContainText("Không bao trùm toàn bộ tệp");
    await expect(signature).toContainText("Sửa đổi sau chữ ký này (không được phép): nội dung trang.");
    await expect(result).not.toContainText("Tất cả");

    // The signed file cut in half: damaged, not "unsigned".
    const truncatedPath = test.info().outputPath("cat-doi.pdf");
    const signedBytes = readFileSync(signedPath);
    writeFileSync(truncatedPath, signedBytes.subarray(0, signedBytes.length >> 1));
    await check(truncatedPath);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "“cat-doi.pdf” bị hỏng, không đọc được (tệp bị cắt cụt hoặc hư hỏng). Hãy lấy lại tệp gốc đầy đủ rồi kiểm tra lại.",
    );
  });

  test("a 27 MB upload posted straight to /kiem-tra gets 'file too large', not a 500", async ({ page }) => {
    await signInAndLand(page, HEAD, "/cam-ket");
    const response = await page.request.post("/kiem-tra", {
      headers: { "content-type": "multipart/form-data; boundary=----camket", "next-action": "0".repeat(40) },
      data: Buffer.alloc(27 * MB, 0x25),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    const location = new URL(response.headers()["location"]!, "http://localhost");
    expect(location.pathname + location.search).toBe("/kiem-tra?qua-lon=27");

    await page.goto(location.pathname + location.search);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Tệp quá lớn (27 MB). Chỉ kiểm tra được tệp PDF tối đa 20 MB.");
  });
});

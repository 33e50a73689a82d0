import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signInAndLand, signOut } from "./support/accounts";
import { signOpenCommitment } from "./support/signing";

const CAMPAIGN = "Cam kết CCHC giai đoạn 2016–2020";
// A unit no other spec touches, so this file does not depend on the order the specs run in.
const HEAD = "phuong-phu-thuy@phanthiet.gov.vn";

test.describe.serial("archive, verification, RBAC", () => {
  let signedPdf = "";

  test("a head signs; the auditor downloads the signed PDF and the campaign archive from /luu-tru, both verify", async ({ page }) => {
    await signInAndLand(page, HEAD, "/cam-ket");
    await page.getByRole("link", { name: CAMPAIGN }).click();
    await signOpenCommitment(page, DEMO_PASSWORD);
    await signOut(page);

    await signInAndLand(page, ACCOUNTS.auditor, "/luu-tru");
    const campaign = page.getByRole("region", { name: CAMPAIGN });
    const row = campaign.getByTestId("archive-row-phuong-phu-thuy");
    await expect(row).toContainText("Đã ký");
    await expect(row.locator("code")).toHaveCount(2); // original + signed, each with its SHA-256
    const pdfDownload = page.waitForEvent("download");
    await row.getByRole("link", { name: "Tải Đã ký (người đứng đầu) của Phường Phú Thủy" }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe("cam-ket-phuong-phu-thuy-da-ky.pdf");
    signedPdf = test.info().outputPath("signed.pdf");
    await pdf.saveAs(signedPdf);
    expect(execFileSync("sha256sum", [signedPdf], { encoding: "utf8" }).slice(0, 64)).toBe(await row.locator("code").nth(1).textContent());
    expect(execFileSync("pdfsig", [signedPdf], { encoding: "utf8" })).toContain("Signature is Valid");

    const zipDownload = page.waitForEvent("download");
    await campaign.getByRole("link", { name: "Tải bộ lưu trữ (.zip)" }).click();
    const zip = await zipDownload;
    expect(zip.suggestedFilename()).toMatch(/^luu-tru-cam-ket-cchc-giai-doan-2016-2020-\d{4}-\d{2}-\d{2}\.zip$/);
    const dir = mkdtempSync(path.join(tmpdir(), "camket-e2e-zip-"));
    await zip.saveAs(path.join(dir, "archive.zip"));
    execFileSync("unzip", ["-q", "archive.zip", "-d", "x"], { cwd: dir });
    const sums = execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: path.join(dir, "x"), encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
    expect(sums).toContain("pdf/cam-ket-phuong-phu-thuy-da-ky.pdf: OK");
    expect(sums).not.toContain("FAILED");

    // The progress bar under the button ends at 100 %; the announced size is the size sent.
    await expect(campaign.getByRole("progressbar", { name: "Tiến độ tải bộ lưu trữ" })).toHaveAttribute("aria-valuenow", "100");
    await expect(campaign.getByText(/^Đã tải xong [\d,]+ MB\.$/)).toBeVisible();
    await expect(campaign.getByTestId("archive-contents")).toContainText(/\d+ tệp PDF · khoảng [\d,]+ MB/);
    const href = await campaign.getByRole("link", { name: "Tải bộ lưu trữ (.zip)" }).getAttribute("href");
    const again = await page.request.get(href!);
    expect(Number(again.headers()["x-archive-bytes"])).toBe((await again.body()).byteLength);
  });

  test("/kiem-tra reports the signed PDF valid and archived, and a garbage file clearly", async ({ page }) => {
    await signInAndLand(page, ACCOUNTS.headTienThanh, "/cam-ket");
    await page.getByRole("link", { name: "Kiểm tra chữ ký" }).click();
    await expect(page).toHaveURL(/\/kiem-tra$/);
    await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(signedPdf);
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    const result = page.getByTestId("verification-result");
    await expect(result.getByRole("status")).toHaveText("Tất cả 1 chữ ký đều hợp lệ, do CA của thành phố cấp và chưa bị thu hồi.");
    await expect(result.getByTestId("archive-match")).toContainText("Trùng khớp từng byte với bản đã lưu trữ: Đã ký (người đứng đầu) — Phường Phú Thủy");
    await expect(result.getByTestId("signature-check")).toContainText("Toàn vẹn: hợp lệ");

    const garbage = path.join(mkdtempSync(path.join(tmpdir(), "camket-e2e-")), "anh.pdf");
    writeFileSync(garbage, Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(500).fill(7)]));
    await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(garbage);
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "“anh.pdf” không phải tệp PDF (nội dung là ảnh JPEG, chỉ được đặt tên .pdf). Hãy chọn đúng tệp PDF bản cam kết.",
    );
  });

  test("a unit head gets 403 on /luu-tru; the API answers 401 JSON without a token", async ({ page }) => {
    await signInAndLand(page, ACCOUNTS.headTienThanh, "/cam-ket");
    expect((await page.goto("/luu-tru"))?.status()).toBe(403);
    const api = await page.request.get("/api/v1/campaigns");
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ detail: "Thiếu khóa API: gửi tiêu đề “Authorization: Bearer <khóa>”." });
  });
});

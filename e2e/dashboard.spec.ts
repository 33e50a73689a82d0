import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signInAndLand, signOut } from "./support/accounts";
import { declineAsHead, signAsHead } from "./support/sign-in-browser";
import { drawSignature, waitForSignatureImage } from "./support/signing";

const count = async (page: Page, status: string) => Number(await page.getByTestId(`count-${status}`).textContent());

test("the chairperson sees the 30 units, counts that move as heads sign and decline, filters, search and CSV", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.chairperson, "/theo-doi");
  await expect(page.getByTestId("table-total")).toContainText("30 đơn vị");
  const before = { signed: await count(page, "SIGNED"), declined: await count(page, "DECLINED") };
  await signOut(page);

  await signAsHead(page, "phuong-mui-ne@phanthiet.gov.vn");
  await signAsHead(page, "phong-tu-phap@phanthiet.gov.vn");
  await declineAsHead(page, "xa-phong-nam@phanthiet.gov.vn", "Đề nghị bổ sung chỉ tiêu riêng của xã.");

  await signInAndLand(page, ACCOUNTS.chairperson, "/theo-doi");
  expect(await count(page, "SIGNED")).toBe(before.signed + 2);
  expect(await count(page, "DECLINED")).toBe(before.declined + 1);
  await expect(page.getByTestId("table-total")).toContainText("30 đơn vị");
  const table = page.getByTestId("units-table");
  await page.goto("/theo-doi?sort=status");
  await expect(table.getByRole("row", { name: /Xã Phong Nẫm/ })).toContainText("Đề nghị bổ sung chỉ tiêu riêng của xã.");
  await page.goto("/theo-doi");

  // Wards still to sign: exactly the wards whose status is not signed, confirmed or declined.
  await page.getByLabel("Loại đơn vị").selectOption("WARD");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByTestId("table-total")).toContainText("14 đơn vị");
  const wardRows = await table.locator("tbody tr").allInnerTexts();
  const expectedUnsigned = wardRows.filter((r) => /Chưa xem|Đã xem|Quá hạn/.test(r)).map((r) => r.split("\n")[0].trim());
  expect(expectedUnsigned).not.toContain("Phường Mũi Né");
  await page.getByLabel("Trạng thái").selectOption("UNSIGNED");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByTestId("table-total")).toContainText(`${expectedUnsigned.length} đơn vị`);
  const unsignedNames = (await table.locator("tbody tr td:first-child a").allInnerTexts()).map((t) => t.trim());
  expect(unsignedNames.sort()).toEqual(expectedUnsigned.sort());

  await page.goto("/theo-doi?q=duc+thang");
  await expect(page.getByTestId("table-total")).toContainText("1 đơn vị");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("Phường Đức Thắng");

  await page.goto("/theo-doi?kind=TINH&page=999");
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Đã bỏ qua tham số không hợp lệ: loại đơn vị");

  const response = await page.request.get("/theo-doi/xuat?format=csv");
  expect(response.headers()["content-type"]).toContain("text/csv");
  const csv = Buffer.from(await response.body()).toString("utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0].split(",").slice(0, 4)).toEqual(["Đơn vị", "Loại", "Người đứng đầu", "Trạng thái"]);
  expect(lines).toHaveLength(31);
  const mui = lines.find((l) => l.startsWith("Phường Mũi Né,"))!;
  expect(mui.split(",")[3]).toBe("Đã ký");
  expect(lines.some((l) => l.startsWith("Xã Phong Nẫm,Xã,Kiều Văn Nghĩa,Từ chối"))).toBe(true);
});

test("reminding all pending units twice in a day queues each reminder once", async ({ page }) => {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/theo-doi");
  await page.getByRole("button", { name: "Nhắc tất cả đơn vị chưa ký" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(/Đã gửi \d+ lời nhắc/);
  await page.reload();
  await page.getByRole("button", { name: "Nhắc tất cả đơn vị chưa ký" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Đã gửi 0 lời nhắc");
  await page.goto("/quan-tri/hop-thu");
  await expect(page.getByRole("main")).toContainText("Nhắc ký bản cam kết CCHC — Phường Hàm Tiến");
});

test("the chairperson countersigns a unit from its page, then the rest in bulk; counts and the bulk button update without a reload", async ({ page }) => {
  await signAsHead(page, "phong-y-te@phanthiet.gov.vn");
  await signAsHead(page, "phong-kinh-te@phanthiet.gov.vn");
  await signInAndLand(page, ACCOUNTS.chairperson, "/theo-doi");
  const before = { signed: await count(page, "SIGNED"), completed: await count(page, "COMPLETED") };
  expect(before.signed).toBeGreaterThanOrEqual(2);

  // The unit's page offers the countersignature for that unit.
  await page.goto("/theo-doi?q=y+te");
  await page.getByTestId("units-table").getByRole("link", { name: "Phòng Y tế" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phòng Y tế");
  const unitPanel = page.getByRole("region", { name: "Ký xác nhận của Chủ tịch UBND thành phố" });
  await drawSignature(unitPanel);
  await waitForSignatureImage(unitPanel);
  await unitPanel.getByLabel("Mật khẩu (nhập lại để xác nhận)").fill(DEMO_PASSWORD);
  await unitPanel.getByRole("button", { name: "Ký xác nhận" }).click();
  // The page shows the outcome by itself: the live revision is confirmed and its countersigned PDF listed.
  await expect(page.getByRole("main")).toContainText("Ngô Đức Hải — Đã xác nhận");
  await expect(page.getByRole("link", { name: "Đã xác nhận (Chủ tịch UBND thành phố)" })).toBeVisible();
  await expect(unitPanel).toHaveCount(0);

  await page.getByRole("link", { name: "← Theo dõi" }).click();
  await expect(page.getByTestId("count-COMPLETED")).toHaveText(String(before.completed + 1));
  await expect(page.getByTestId("count-SIGNED")).toHaveText(String(before.signed - 1));

  // Bulk: the counts and the button change in place; the result stays on screen.
  const bulk = page.getByRole("region", { name: /Xác nhận hàng loạt/ });
  await drawSignature(bulk);
  await waitForSignatureImage(bulk);
  await bulk.getByLabel("Mật khẩu (nhập lại để xác nhận)").fill(DEMO_PASSWORD);
  await bulk.getByRole("button", { name: /Xác nhận tất cả|Ký xác nhận/ }).click();
  await expect(bulk.getByRole("status")).toContainText(`Kết quả: ${before.signed - 1} thành công, 0 không thành công.`);
  await expect(page.getByTestId("count-SIGNED")).toHaveText("0");
  await expect(page.getByTestId("count-COMPLETED")).toHaveText(String(before.completed + before.signed));
  await expect(bulk.getByRole("button", { name: /Xác nhận tất cả|Ký xác nhận/ })).toHaveCount(0);
});

import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signInAndLand, signOut } from "./support/accounts";
import { declineAsHead, signAsHead } from "./support/sign-in-browser";

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

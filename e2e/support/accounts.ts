import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "CamKet@2017";

export const ACCOUNTS = {
  admin: "admin@phanthiet.gov.vn",
  chairperson: "chutich@phanthiet.gov.vn",
  auditor: "kiemtoan@phanthiet.gov.vn",
  headDucThang: "phuong-duc-thang@phanthiet.gov.vn",
  headTienThanh: "xa-tien-thanh@phanthiet.gov.vn",
  headNoiVu: "phong-noi-vu@phanthiet.gov.vn",
  clerkCity: "vanthu@phanthiet.gov.vn",
  clerkDucThang: "vanthu.22948@phanthiet.gov.vn",
  deputyCity: "phochutich@phanthiet.gov.vn",
  deputyDucThang: "pho.22948@phanthiet.gov.vn",
} as const;

/** Signs in through the login form, as a person does. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

export async function signInAndLand(page: Page, email: string, home: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support/accounts";
import { ROUTES, type Role } from "./support/route-access";

const AS: Record<Role, string> = {
  ADMIN: ACCOUNTS.admin,
  CHAIRPERSON: ACCOUNTS.chairperson,
  UNIT_HEAD: ACCOUNTS.headDucThang,
  AUDITOR: ACCOUNTS.auditor,
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "page.tsx" || name === "route.ts" ? [full] : [];
  });
}

test("every page and route handler under app/ has a row in the access list", () => {
  const listed = new Set(ROUTES.map((r) => r.file));
  expect(routeFiles("app").filter((f) => !listed.has(f))).toEqual([]);
});

async function signedInRequest(browser: Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return context.request;
}

/** Real ids, found the way a person would: by following links. */
async function discoverIds(browser: Browser) {
  const admin = await browser.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.waitForURL(/quan-tri/);
  const firstHref = async (url: string, selector: string) => {
    await admin.goto(url);
    return (await admin.locator(selector).first().getAttribute("href"))!.split("/").pop()!;
  };
  const ids = {
    unit: await firstHref("/quan-tri/don-vi", 'main a[href^="/quan-tri/don-vi/"]:not([href$="/moi"])'),
    user: await firstHref("/quan-tri/nguoi-dung", 'main a[href^="/quan-tri/nguoi-dung/"]:not([href$="/moi"])'),
    template: await firstHref("/quan-tri/mau-cam-ket", 'main a[href^="/quan-tri/mau-cam-ket/"]'),
    campaign: await firstHref("/quan-tri/chien-dich", 'main a[href^="/quan-tri/chien-dich/"]:not([href$="/moi"])'),
    head: "",
  };
  const head = await browser.newPage();
  await signIn(head, ACCOUNTS.headDucThang);
  await head.waitForURL(/cam-ket/);
  ids.head = (await head.locator('main a[href^="/cam-ket/"]').first().getAttribute("href"))!.split("/").pop()!;
  return ids;
}

test("the access matrix: 4 roles + signed-out × every route, and a head never reaches another unit", async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const ids = await discoverIds(browser);
  const resolve = (p: string) => p.replace(/:(head|unit|user|campaign|template)/g, (_, key: keyof typeof ids) => ids[key]);
  const baseURL = test.info().project.use.baseURL!;
  const clients: Record<Role | "SIGNED_OUT" | "OTHER_HEAD", APIRequestContext> = {
    ADMIN: await signedInRequest(browser, AS.ADMIN),
    CHAIRPERSON: await signedInRequest(browser, AS.CHAIRPERSON),
    UNIT_HEAD: await signedInRequest(browser, AS.UNIT_HEAD),
    AUDITOR: await signedInRequest(browser, AS.AUDITOR),
    OTHER_HEAD: await signedInRequest(browser, ACCOUNTS.headTienThanh),
    SIGNED_OUT: await playwright.request.newContext({ baseURL }),
  };
  const leaks: string[] = [];
  for (const route of ROUTES) {
    const url = resolve(route.path);
    for (const who of Object.keys(clients) as (keyof typeof clients)[]) {
      const response = await clients[who].get(url, { maxRedirects: 0 });
      const status = response.status();
      const location = response.headers()["location"] ?? "";
      let expected: string;
      if (route.allow === "public") expected = "ok";
      else if (route.allow === "public-post-only") expected = "HTTP 405";
      else if (route.allow === "token") expected = "login"; // 401: no Bearer token
      else if (who === "SIGNED_OUT") expected = "login";
      else if (route.allow === "signed-in") expected = "ok";
      else if (route.allow === "signed-in-redirect") expected = "redirect";
      else if (route.allow === "method-not-allowed") expected = "HTTP 405";
      else if (who === "OTHER_HEAD") expected = route.allow.includes("UNIT_HEAD") && url.includes(ids.head) ? "404" : route.allow.includes("UNIT_HEAD") ? "ok" : "403";
      else expected = route.allow.includes(who) ? "ok" : "403";
      const actual =
        status === 200 || (status === 307 && route.allow === "public") ? "ok" : [302, 303, 307].includes(status) && route.allow === "signed-in-redirect" && !location.includes("/login") ? "redirect" : status === 404 ? "404" : status === 403 ? "403" : (status === 307 || status === 302) && location.includes("/login") ? "login" : status === 401 ? "login" : `HTTP ${status}`;
      if (actual !== expected) leaks.push(`${who} ${url}: expected ${expected}, got ${actual}`);
    }
  }
  expect(leaks).toEqual([]);
});

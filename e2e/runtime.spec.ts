import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInAndLand } from "./support/accounts";

test("/favicon.ico is served to a signed-out visitor (no 404, no sign-in redirect)", async ({ request }) => {
  const response = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
});

// Needs the server's data directory: run with E2E_DATA_DIR set (playwright.config.ts uses it for the server).
const dataDir = process.env.E2E_DATA_DIR;
const run = (args: string[], port: number) =>
  spawnSync("npm", args, { env: { ...process.env, CAMKET_DATA_DIR: dataDir, DATABASE_URL: "", PORT: String(port) }, encoding: "utf8", timeout: 60_000 });
const checkedEvents = (output: string) => Number(/(\d+) sự kiện/.exec(output)?.[1]);

test("a second npm start on the running app's data directory exits 1 in one sentence; the first keeps serving and loses nothing", async ({ page, request }) => {
  test.skip(!dataDir, "E2E_DATA_DIR not set");
  const port = Number(process.env.E2E_PORT ?? 3100);

  const before = run(["run", "--silent", "audit:verify"], port);
  expect(before.status).toBe(0);

  const second = run(["start", "--silent"], port + 50);
  expect(second.status).toBe(1);
  expect(second.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Thư mục dữ liệu .* đang được tiến trình PID \d+ \(npm start, /)]);

  // The first still serves and still writes (a sign-in is an audit event), and audit:verify, reading through
  // its server, sees that write.
  expect((await request.get("/login")).status()).toBe(200);
  await signInAndLand(page, ACCOUNTS.auditor, "/luu-tru");
  const after = run(["run", "--silent", "audit:verify"], port);
  expect(after.status).toBe(0);
  expect(checkedEvents(after.stdout)).toBeGreaterThan(checkedEvents(before.stdout));
});

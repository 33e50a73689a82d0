import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Each run gets a fresh embedded database (seeded with the demo city on first start).
// Exported so specs (e2e/runtime.spec.ts) know the server's data directory: workers inherit the runner's env.
process.env.E2E_DATA_DIR ??= `/tmp/camket-e2e-${process.pid}`;
const dataDir = process.env.E2E_DATA_DIR;
// Where the pages look for the local signing agent; e2e/signing-keys.spec.ts starts one there (SoftHSM2 behind it).
process.env.E2E_AGENT_URL ??= `http://127.0.0.1:${PORT + 1}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The production build, started the way a deployment starts it (npm start), on its own data dir.
    command: `rm -rf ${dataDir} && npm start`,
    env: { PORT: String(PORT), CAMKET_DATA_DIR: dataDir, DATABASE_URL: "", CAMKET_AGENT_URL: process.env.E2E_AGENT_URL },
    url: `http://localhost:${PORT}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});

import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Each run gets a fresh embedded database (seeded with the demo city on first start).
// Exported so specs (e2e/runtime.spec.ts) know the server's data directory: workers inherit the runner's env.
process.env.E2E_DATA_DIR ??= `/tmp/camket-e2e-${process.pid}`;
const dataDir = process.env.E2E_DATA_DIR;
// Where the pages look for the local signing agent; e2e/signing-keys.spec.ts starts one there (SoftHSM2 behind it).
process.env.E2E_AGENT_URL ??= `http://127.0.0.1:${PORT + 1}`;
// The test OpenID provider (e2e/support/oidc-test-provider.ts) the app's single sign-on points at.
process.env.E2E_OIDC_ISSUER ??= `http://127.0.0.1:${PORT + 7}`;
// A second server with the default second-factor policy (ADMIN, CHAIRPERSON, CLERK must have one) for
// e2e/second-factor.spec.ts; the main server turns the requirement off so the other specs sign in with passwords only.
const SECOND_FACTOR_PORT = PORT + 5;
const oidc = { clientId: "camket-e2e", clientSecret: "camket-e2e-secret", redirectUri: `http://localhost:${PORT}/api/auth/callback/oidc` };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  projects: [
    { name: "main", testIgnore: /(second-factor|api-contract)\.spec\.ts/ },
    // After every other spec on the main server: the campaign it launches through the API would otherwise become
    // the dashboard's newest and change what those specs see.
    { name: "api-contract", testMatch: /api-contract\.spec\.ts/, dependencies: ["main"] },
    { name: "second-factor", testMatch: /second-factor\.spec\.ts/, use: { baseURL: `http://localhost:${SECOND_FACTOR_PORT}` } },
  ],
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
  webServer: [
    {
      command: "npx tsx e2e/support/oidc-test-provider.ts",
      env: { OIDC_TEST_PORT: String(PORT + 7), OIDC_TEST_REDIRECT_URI: oidc.redirectUri, OIDC_TEST_CLIENT_ID: oidc.clientId, OIDC_TEST_CLIENT_SECRET: oidc.clientSecret },
      url: `${process.env.E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      // The production build, started the way a deployment starts it (npm start), on its own data dir.
      command: `rm -rf ${dataDir} && npm start`,
      env: {
        PORT: String(PORT),
        CAMKET_DATA_DIR: dataDir,
        DATABASE_URL: "",
        CAMKET_AGENT_URL: process.env.E2E_AGENT_URL,
        CAMKET_OIDC_ISSUER: process.env.E2E_OIDC_ISSUER,
        CAMKET_OIDC_CLIENT_ID: oidc.clientId,
        CAMKET_OIDC_CLIENT_SECRET: oidc.clientSecret,
        CAMKET_OIDC_NAME: "Cổng định danh tỉnh (thử nghiệm)",
        CAMKET_2FA_REQUIRED_ROLES: "none",
      },
      url: `http://localhost:${PORT}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `rm -rf ${dataDir}-2fa && npm start`,
      env: { PORT: String(SECOND_FACTOR_PORT), CAMKET_DATA_DIR: `${dataDir}-2fa`, DATABASE_URL: "", CAMKET_SCHEDULER: "off" },
      url: `http://localhost:${SECOND_FACTOR_PORT}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
  ],
});

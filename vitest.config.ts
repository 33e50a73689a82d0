import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "agent/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
    globalSetup: ["./lib/db/test-global-setup.ts"],
    // One database server for the whole run; PGlite serves one query at a time anyway.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": new URL("./lib/test/server-only-stub.ts", import.meta.url).pathname },
  },
});

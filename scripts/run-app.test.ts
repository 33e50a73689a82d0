import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "@/lib/runtime/data-dir-lock";
import { runToEnd, TSX } from "@/lib/runtime/test-fixtures/run-process";

describe("npm run dev / npm start on a data directory another process holds", () => {
  it("exits 1 at once with one sentence naming the PID that holds it, without touching the database", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "camket-run-app-"));
    // This test process plays the running server.
    const held = acquireDataDirLock(dataDir, "npm start");
    expect(held.acquired).toBe(true);
    try {
      const second = await runToEnd([...TSX, "scripts/run-app.ts", "dev"], { ...process.env, CAMKET_DATA_DIR: dataDir, DATABASE_URL: "", PORT: "3299" }, 20_000);
      expect(second.code).toBe(1);
      const lines = second.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`PID ${process.pid}`);
      expect(lines[0]).toContain(dataDir);
    } finally {
      if (held.acquired) held.lock.release();
    }
  });
});

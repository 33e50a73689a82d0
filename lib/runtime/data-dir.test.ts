import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/lib/db/open-database";
import { ensureDataDir, resolveDataDir } from "@/lib/runtime/data-dir";
import { ensureLocalSecrets } from "@/lib/runtime/local-secrets";

const mode = (file: string) => statSync(file).mode & 0o777;
const scratch = () => mkdtempSync(path.join(tmpdir(), "camket-data-dir-"));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the data directory holds the master key: owner-only", () => {
  it("is created 0700 with secrets.json 0600, whatever the umask", () => {
    const dataDir = path.join(scratch(), "nested", ".data");
    const previous = process.umask(0o022);
    try {
      ensureLocalSecrets(dataDir);
    } finally {
      process.umask(previous);
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, "secrets.json"))).toBe(0o600);
  });

  it("tightens a world-readable directory and secrets file left by an earlier version, and says so", () => {
    const dataDir = path.join(scratch(), ".data");
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const secrets = path.join(dataDir, "secrets.json");
    writeFileSync(secrets, JSON.stringify({ NEXTAUTH_SECRET: "s", CAMKET_MASTER_KEY: "k" }), { mode: 0o644 });
    chmodSync(secrets, 0o644);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(ensureLocalSecrets(dataDir)).toEqual({ NEXTAUTH_SECRET: "s", CAMKET_MASTER_KEY: "k" });
      expect(log.mock.calls.map(([line]) => String(line))).toEqual([
        expect.stringContaining(`${dataDir} từ 0755 xuống 0700`),
        expect.stringContaining(`${secrets} từ 0644 xuống 0600`),
      ]);
    } finally {
      log.mockRestore();
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(secrets)).toBe(0o600);
    // Already private: nothing to say the next time.
    const quiet = vi.fn();
    ensureDataDir(dataDir, quiet);
    expect(quiet).not.toHaveBeenCalled();
  });
});

describe("CAMKET_DATA_DIR", () => {
  it("resolves against the working directory, absolute paths as given, unset or empty to ./.data", () => {
    expect(resolveDataDir({ CAMKET_DATA_DIR: "var/camket" }, "/srv/app")).toBe("/srv/app/var/camket");
    expect(resolveDataDir({ CAMKET_DATA_DIR: "/var/lib/camket" }, "/srv/app")).toBe("/var/lib/camket");
    expect(resolveDataDir({}, "/srv/app")).toBe("/srv/app/.data");
    expect(resolveDataDir({ CAMKET_DATA_DIR: "" }, "/srv/app")).toBe("/srv/app/.data");
  });

  it("the start line names the embedded database's real directory, not always .data/pglite", async () => {
    vi.stubEnv("DATABASE_URL", "");
    const dataDir = path.join(scratch(), "camket-data");
    const database = await openDatabase("test", "exclusive", dataDir);
    try {
      expect(database.description).toBe(`nhúng (${path.join(dataDir, "pglite")})`);
    } finally {
      await database.stop();
    }
  });
});

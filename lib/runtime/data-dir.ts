import { chmodSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Where the embedded default keeps everything that is not in git: database files, generated secrets, the
 * writer lock. CAMKET_DATA_DIR (relative to the working directory, or absolute), else ./.data.
 */
export function resolveDataDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(/* turbopackIgnore: true */ cwd, env.CAMKET_DATA_DIR || ".data");
}

export const DATA_DIR = resolveDataDir();

/** The embedded PostgreSQL's files inside a data directory. */
export const embeddedDatabaseDir = (dataDir: string) => path.join(dataDir, "pglite");

// The directory holds the master key next to the keys it encrypts: nobody but the app's own user may list it.
const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Creates the data directory owner-only, and tightens one a previous version created world-readable
 * (saying so once, so an operator sees why the mode changed). Returns the directory.
 */
export function ensureDataDir(dataDir = DATA_DIR, log: (line: string) => void = console.log): string {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
  tightenMode(dataDir, PRIVATE_DIR, log);
  return dataDir;
}

/** chmod `file` to `mode` when group or others have any access to it; logs the change. */
export function tightenMode(file: string, mode: number, log: (line: string) => void = console.log): void {
  const current = statSync(file).mode & 0o777;
  if ((current & 0o077) === 0) return;
  chmodSync(file, mode);
  log(`camket: đã siết quyền ${file} từ ${octal(current)} xuống ${octal(mode)} (chỉ tài khoản chạy ứng dụng được đọc).`);
}

const octal = (mode: number) => `0${mode.toString(8)}`;

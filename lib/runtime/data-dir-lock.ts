import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { PRIVATE_FILE } from "./data-dir";

/**
 * One writer per data directory. PGlite has no lock of its own: two processes opening the same files both
 * "work" and one silently loses the other's commits. So whoever opens the embedded database first holds
 * <data dir>/camket.lock; everyone else either talks to its socket (maintenance commands, via `port`) or stops.
 */
export type LockHolder = {
  pid: number;
  host: string;
  startedAt: string;
  /** What holds it, for the refusal message: `npm start`, `npm run audit:verify`… */
  command: string;
  /** The embedded server's port on 127.0.0.1, once it listens. */
  port?: number;
};

export type DataDirLock = {
  holder: LockHolder;
  /** Records the port the embedded server listens on, for maintenance commands run meanwhile. */
  setPort(port: number): void;
  release(): void;
};

export type LockAttempt = { acquired: true; lock: DataDirLock } | { acquired: false; holder: LockHolder; file: string };

const LOCK_FILE = "camket.lock";
// A takeover guard older than this was left by a process that died in the few milliseconds it exists.
const STALE_GUARD_MS = 10_000;
// The holder touches its lock this often; a lock from another machine or a recreated container (where the
// PID cannot be checked) untouched for HEARTBEAT_STALE_MS has no live holder. On this machine the PID decides.
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_STALE_MS = 120_000;
const ATTEMPTS = 50;

export const lockFileOf = (dataDir: string) => path.join(dataDir, LOCK_FILE);

/** Takes the lock, taking over one left by a dead process on this machine; reports the live holder otherwise. */
export function acquireDataDirLock(dataDir: string, command: string): LockAttempt {
  const file = lockFileOf(dataDir);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(file, holder)) return { acquired: true, lock: ownLock(file, holder) };
    const current = readHolder(file);
    if (current === "missing") continue; // released between our create and our read
    if (current !== "unreadable" && !isStale(file, current)) return { acquired: false, holder: current, file };
    // Dead holder — or a file cut short by a crash right after creating it (we retry a while first, in
    // case its writer is only between open and write).
    if (current === "unreadable" && attempt < ATTEMPTS / 2) {
      sleep(20);
      continue;
    }
    takeOver(file, current);
  }
  throw new Error(`Không lấy được khóa ${file} sau ${ATTEMPTS} lần thử.`);
}

/** The one sentence a refused process prints. */
export function describeRefusal(dataDir: string, holder: LockHolder): string {
  const where = holder.host === hostname() ? `tiến trình PID ${holder.pid}` : `tiến trình PID ${holder.pid} trên máy ${holder.host}`;
  return `Thư mục dữ liệu ${dataDir} đang được ${where} (${holder.command}, chạy từ ${holder.startedAt}) dùng; mỗi thư mục dữ liệu chỉ cho một tiến trình camket — hãy dừng tiến trình đó hoặc đặt CAMKET_DATA_DIR khác.`;
}

function createExclusive(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", PRIVATE_FILE); // atomic: exactly one process creates it
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): LockHolder | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as LockHolder;
    return Number.isInteger(parsed.pid) && typeof parsed.host === "string" ? parsed : "unreadable";
  } catch {
    return "unreadable";
  }
}

/**
 * Stale = its process is gone. On this machine that is checked on the PID alone: a live holder whose
 * heartbeat stalled (a long synchronous query, SIGSTOP, a paused VM) still holds the directory — taking it
 * would bring back two writers. Our own PID in a lock we did not take is a previous life of this PID (a
 * container restarts with the same PIDs). Another machine's PID cannot be checked: its heartbeat decides.
 */
function isStale(file: string, holder: LockHolder): boolean {
  if (holder.host !== hostname()) return heartbeatAge(file) > HEARTBEAT_STALE_MS;
  return holder.pid === process.pid || !isAlive(holder.pid);
}

function heartbeatAge(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0; // released meanwhile: the caller retries
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}

/**
 * Removes a stale lock so the caller can create its own. Two processes may find the same stale lock:
 * a guard file (itself created atomically) lets one remove it, and it removes the lock only if it is still
 * the stale one it saw — never a fresh lock another process created meanwhile.
 */
function takeOver(file: string, seen: LockHolder | "unreadable"): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, "wx", PRIVATE_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    removeIfOlderThan(guard, STALE_GUARD_MS);
    sleep(20);
    return;
  }
  try {
    const current = readHolder(file);
    const unchanged = seen === "unreadable" ? current === "unreadable" : typeof current === "object" && sameHolder(current, seen);
    if (unchanged) unlinkSync(file);
  } finally {
    closeSync(fd);
    unlinkSync(guard);
  }
}

function ownLock(file: string, holder: LockHolder): DataDirLock {
  const stillOurs = () => {
    const current = readHolder(file);
    return typeof current === "object" && sameHolder(current, holder);
  };
  const heartbeat = setInterval(() => {
    if (!stillOurs()) {
      // Another process took the directory (our heartbeat looked dead from another machine): serving on
      // would make two writers, the very loss the lock exists to prevent.
      console.error(`camket: khóa ${file} đã bị tiến trình khác lấy; dừng để không có hai tiến trình cùng ghi dữ liệu.`);
      process.exit(70);
    }
    const now = new Date();
    utimesSync(file, now, now);
  }, HEARTBEAT_MS).unref();
  const release = () => {
    clearInterval(heartbeat);
    process.off("exit", release);
    if (stillOurs()) unlinkSync(file);
  };
  // Covers process.exit() and normal ends; a kill -9 leaves the file, and the next start takes it over.
  process.on("exit", release);
  return {
    holder,
    setPort(port) {
      holder.port = port;
      // Written aside and renamed over: a reader sees the old content or the new, never half of it.
      const next = `${file}.${process.pid}.tmp`;
      writeFileSync(next, JSON.stringify(holder), { mode: PRIVATE_FILE });
      renameSync(next, file);
    },
    release,
  };
}

const sameHolder = (a: LockHolder, b: LockHolder) => a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;

function removeIfOlderThan(file: string, ms: number): void {
  try {
    if (Date.now() - statSync(file).mtimeMs > ms) unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

// The lock is taken once at start-up, before anything else runs: a blocking pause is fine here.
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

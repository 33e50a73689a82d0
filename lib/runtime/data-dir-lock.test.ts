import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acquireDataDirLock, describeRefusal, lockFileOf } from "@/lib/runtime/data-dir-lock";
import { startWithFirstLine, TSX, waitUntilGone } from "@/lib/runtime/test-fixtures/run-process";

const HOLDER = fileURLToPath(new URL("./test-fixtures/hold-data-dir-lock.ts", import.meta.url));
type Outcome = { acquired: true; pid: number } | { acquired: false; holderPid: number };

const started: ChildProcess[] = [];
const tryLockInProcess = async (dataDir: string) => {
  const { child, first } = await startWithFirstLine<Outcome>([...TSX, HOLDER, dataDir]);
  started.push(child);
  return { child, outcome: first };
};
afterEach(() => {
  for (const child of started.splice(0)) child.kill("SIGKILL");
});

const freshDir = () => mkdtempSync(path.join(tmpdir(), "camket-lock-"));

describe("one writer per data directory", () => {
  it("refuses a second process and names the PID that holds the directory", async () => {
    const dataDir = freshDir();
    const first = await tryLockInProcess(dataDir);
    expect(first.outcome).toEqual({ acquired: true, pid: first.child.pid });

    const second = await tryLockInProcess(dataDir);
    expect(second.outcome).toEqual({ acquired: false, holderPid: first.child.pid });

    const inThisProcess = acquireDataDirLock(dataDir, "npm start");
    expect(inThisProcess.acquired).toBe(false);
    if (inThisProcess.acquired) return;
    const sentence = describeRefusal(dataDir, inThisProcess.holder);
    expect(sentence).toContain(`PID ${first.child.pid}`);
    expect(sentence).toContain(dataDir);
    expect(sentence.split("\n")).toHaveLength(1);
  });

  it("records PID, host and start time in an owner-only lock file, and removes it on release", () => {
    const dataDir = freshDir();
    const attempt = acquireDataDirLock(dataDir, "npm start");
    expect(attempt.acquired).toBe(true);
    if (!attempt.acquired) return;
    attempt.lock.setPort(54321);
    const recorded = JSON.parse(readFileSync(lockFileOf(dataDir), "utf8"));
    expect(recorded).toMatchObject({ pid: process.pid, host: hostname(), command: "npm start", port: 54321 });
    expect(Date.parse(recorded.startedAt)).not.toBeNaN();
    expect(statSync(lockFileOf(dataDir)).mode & 0o777).toBe(0o600);
    attempt.lock.release();
    expect(acquireDataDirLock(dataDir, "again").acquired).toBe(true);
  });

  it("takes over the lock of a process killed with kill -9", async () => {
    const dataDir = freshDir();
    const first = await tryLockInProcess(dataDir);
    first.child.kill("SIGKILL");
    expect(await waitUntilGone(first.child.pid!, 5_000)).toBe(true);

    const next = await tryLockInProcess(dataDir);
    expect(next.outcome).toEqual({ acquired: true, pid: next.child.pid });
  });

  it("lets exactly one of several processes take over the same stale lock", async () => {
    const dataDir = freshDir();
    // A lock left by a PID that cannot exist (above Linux's pid_max).
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: "2026-01-01T00:00:00Z", command: "npm start" }));
    const racers = await Promise.all(Array.from({ length: 4 }, () => tryLockInProcess(dataDir)));
    const winners = racers.filter((r) => r.outcome.acquired);
    expect(winners).toHaveLength(1);
    for (const loser of racers.filter((r) => !r.outcome.acquired)) {
      expect(loser.outcome).toEqual({ acquired: false, holderPid: winners[0]!.child.pid });
    }
  });

  it("respects a lock held on another machine (a shared disk): liveness cannot be checked from here", () => {
    const dataDir = freshDir();
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: 2 ** 22 + 1, host: "other-host", startedAt: "2026-01-01T00:00:00Z", command: "npm start" }));
    const attempt = acquireDataDirLock(dataDir, "npm start");
    expect(attempt.acquired).toBe(false);
    if (attempt.acquired) return;
    expect(describeRefusal(dataDir, attempt.holder)).toContain("other-host");
  });

  it("keeps the lock of a live holder fresh (its heartbeat), so it is never taken for stale", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    try {
      const dataDir = freshDir();
      const attempt = acquireDataDirLock(dataDir, "npm start");
      if (!attempt.acquired) throw new Error("fresh directory already locked");
      const file = lockFileOf(dataDir);
      const longAgo = new Date(Date.now() - 180_000);
      utimesSync(file, longAgo, longAgo);
      vi.advanceTimersByTime(15_000);
      expect(Math.abs(statSync(file).mtimeMs - Date.now())).toBeLessThan(2_000);
      attempt.lock.release();
    } finally {
      vi.useRealTimers();
    }
  });

  it("takes over another machine's lock whose heartbeat stopped, but never a live process's on this machine, however stale its heartbeat", () => {
    const threeMinutesAgo = new Date(Date.now() - 180_000);
    const withStoppedHeartbeat = (pid: number, host: string) => {
      const dataDir = freshDir();
      const file = lockFileOf(dataDir);
      writeFileSync(file, JSON.stringify({ pid, host, startedAt: "2026-01-01T00:00:00Z", command: "npm start" }));
      utimesSync(file, threeMinutesAgo, threeMinutesAgo);
      return acquireDataDirLock(dataDir, "npm start");
    };
    const remote = withStoppedHeartbeat(2 ** 22 + 1, "recreated-container");
    expect(remote.acquired).toBe(true);
    if (remote.acquired) remote.lock.release();
    // A live holder here whose event loop stalled for minutes still holds the directory: two writers lose data.
    const stalled = withStoppedHeartbeat(process.ppid, hostname());
    expect(stalled.acquired).toBe(false);
    if (!stalled.acquired) expect(stalled.holder.pid).toBe(process.ppid);
  });
});

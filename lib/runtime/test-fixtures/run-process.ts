import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export type Finished = { code: number | null; stdout: string; stderr: string };

/** node with tsx (and the @/ paths), as `npm run …` runs the scripts. */
export const TSX = ["--import", "tsx"];

/** Runs `node <args>` to the end (killed after `timeoutMs`, so a process that should have refused cannot hang the test). */
export function runToEnd(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<Finished> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Starts `node <args>` and resolves with the child and its first stdout line, parsed as JSON. */
export async function startWithFirstLine<T>(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; first: T }> {
  const child = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`process exited (${code}) before printing its first line`)));
  });
  return { child, first: JSON.parse(line) as T };
}

/** Polls until `pid` no longer exists; false if it still does after `timeoutMs`. */
export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

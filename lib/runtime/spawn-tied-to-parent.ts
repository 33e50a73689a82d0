import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const EXIT_WITH_PARENT = new URL("./exit-with-parent.mjs", import.meta.url);

/**
 * `node <args>`, made to exit on its own within a second when this process dies, however it dies (see
 * exit-with-parent.mjs). Signals and a normal exit are handled by the caller; this covers kill -9 and crashes.
 */
export function spawnTiedToParent(args: string[], options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, ["--import", EXIT_WITH_PARENT.href, ...args], options);
}

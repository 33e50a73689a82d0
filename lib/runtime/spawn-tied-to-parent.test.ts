import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startWithFirstLine, TSX, waitUntilGone } from "@/lib/runtime/test-fixtures/run-process";

const LAUNCHER = fileURLToPath(new URL("./test-fixtures/launcher-stand-in.ts", import.meta.url));

describe("the web server started by the launcher", () => {
  it("is gone within seconds of a kill -9 of the launcher (which hosts the embedded database)", async () => {
    const { child: launcher, first } = await startWithFirstLine<{ childPid: number }>([...TSX, LAUNCHER]);
    try {
      // Alive while its parent is.
      expect(await waitUntilGone(first.childPid, 1_500)).toBe(false);
      launcher.kill("SIGKILL");
      expect(await waitUntilGone(first.childPid, 5_000)).toBe(true);
    } finally {
      launcher.kill("SIGKILL");
      try {
        process.kill(first.childPid, "SIGKILL");
      } catch {
        // already gone — the point of the test
      }
    }
  });
});

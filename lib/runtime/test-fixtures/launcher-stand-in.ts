// Test stand-in for scripts/run-app.ts: starts a trivial long-running child the same way it starts Next
// (spawnTiedToParent), prints the child's PID, and waits to be killed.
import { spawnTiedToParent } from "@/lib/runtime/spawn-tied-to-parent";

const child = spawnTiedToParent(["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
process.stdout.write(`${JSON.stringify({ childPid: child.pid })}\n`);
setInterval(() => {}, 1000);

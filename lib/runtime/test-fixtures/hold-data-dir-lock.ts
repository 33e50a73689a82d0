// Test stand-in for a second process: tries the data directory lock of argv[2], prints the outcome as one
// JSON line, and (holding it or not) stays until its stdin closes or it is killed.
import { acquireDataDirLock } from "@/lib/runtime/data-dir-lock";

const attempt = acquireDataDirLock(process.argv[2]!, "test");
process.stdout.write(`${JSON.stringify(attempt.acquired ? { acquired: true, pid: process.pid } : { acquired: false, holderPid: attempt.holder.pid })}\n`);
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

import { createInterface } from "node:readline";
import type { PendingApproval } from "./approvals";

/**
 * `--pin-prompt terminal`: the PIN is asked on the agent's terminal (typed characters are not echoed) instead
 * of on the approval page. Requests are asked one at a time; a wrong PIN asks again.
 */
export function createTerminalPinPrompt(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout) {
  let queue = Promise.resolve();
  return (approval: PendingApproval) => {
    queue = queue.then(() => ask(approval, input, output)).catch(() => {});
  };
}

async function ask(approval: PendingApproval, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const { request } = approval;
  output.write(`\nYêu cầu ký ${request.documentCount} tài liệu từ ${request.origin} bằng chứng thư "${request.certificateLabel}".\n`);
  while (!approval.done) {
    const asked = question(input, output, "Nhập mã PIN (để trống để từ chối): ");
    // A request that ends meanwhile (timed out, page closed) stops asking, so the next one is not stuck behind it.
    const pin = await Promise.race([asked.answer, approval.ended.then(() => undefined)]);
    if (pin === undefined) {
      asked.close();
      return void output.write("\nYêu cầu ký đã kết thúc (hết thời gian chờ hoặc trang đã đóng).\n");
    }
    const outcome = await approval.submit(pin ? { kind: "approve", pin } : { kind: "reject" });
    if (outcome.kind === "signed") return void output.write(`Đã ký ${outcome.count} tài liệu.\n`);
    if (outcome.kind === "rejected") return void output.write("Đã từ chối.\n");
    output.write(`${outcome.message}\n`);
    if (outcome.kind === "failed") return;
  }
}

function question(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, prompt: string): { answer: Promise<string>; close(): void } {
  const rl = createInterface({ input, output, terminal: true });
  let muted = false;
  // readline echoes what is typed through _writeToOutput: show nothing while the PIN is typed.
  const internal = rl as unknown as { _writeToOutput(text: string): void };
  const write = internal._writeToOutput.bind(rl);
  internal._writeToOutput = (text: string) => {
    if (!muted || text.includes("\n")) write(muted ? "\n" : text);
  };
  const answer = new Promise<string>((resolve) => {
    rl.question(prompt, (typed) => {
      rl.close();
      resolve(typed.trim());
    });
    muted = true;
  });
  return { answer, close: () => rl.close() };
}

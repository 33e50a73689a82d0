import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createAgentServer, type AgentServer } from "./http-server";
import { Pkcs11Token } from "./pkcs11-token";
import { createTerminalPinPrompt } from "./terminal-pin";
import { CAMKET_ORIGIN, pageFetch, pairWithAgent, startAgentHarness, type AgentHarness } from "@/lib/signing/testing/agent-harness";

let harness: AgentHarness;
let agent: AgentServer;
let baseUrl: string;
const input = new PassThrough();
const output = new PassThrough();
let printed = "";
output.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));

beforeAll(async () => {
  harness = await startAgentHarness();
  agent = createAgentServer({ token: new Pkcs11Token({ modulePath: harness.token.modulePath }), origin: CAMKET_ORIGIN, pairing: harness.pairing, approvalTimeoutMs: 5000, terminalPin: createTerminalPinPrompt(input, output) });
  baseUrl = `http://127.0.0.1:${await agent.listen(0)}`;
});
afterAll(async () => {
  await agent?.close();
  await harness?.close();
});

async function printedSoon(text: string): Promise<void> {
  for (let tries = 0; tries < 200 && !printed.includes(text); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(printed).toContain(text);
}

describe("--pin-prompt terminal", () => {
  it("asks the PIN on the terminal without echoing it, asks again after a wrong PIN, and the page only points there", async () => {
    const bearer = await pairWithAgent(harness);
    const [{ id }] = (await (await pageFetch(baseUrl, "/v1/certificates", { token: bearer })).json()) as [{ id: string }];
    const requestId = randomBytes(16).toString("base64url");
    const signing = pageFetch(baseUrl, "/v1/sign", { token: bearer, body: { requestId, certificateId: id, hashes: [randomBytes(32).toString("base64")], hashAlgorithm: "SHA-256" } });
    await printedSoon("Nhập mã PIN");
    expect(printed).toContain("Yêu cầu ký 1 tài liệu");
    const page = await (await fetch(`${baseUrl}/approve/${requestId}`)).text();
    expect(page).toContain("cửa sổ dòng lệnh");
    expect(page).not.toContain('type="password"');

    input.write("987654\n");
    await printedSoon("CKR_PIN_INCORRECT");
    input.write(`${harness.token.pin}\n`);
    const response = await signing;
    expect(response.status).toBe(200);
    await printedSoon("Đã ký 1 tài liệu.");
    expect(printed).not.toContain("987654");
    expect(printed).not.toContain(harness.token.pin);
  });

  it("a request that times out stops asking, and the next request is asked at once", async () => {
    const quick = createAgentServer({ token: new Pkcs11Token({ modulePath: harness.token.modulePath }), origin: CAMKET_ORIGIN, pairing: harness.pairing, approvalTimeoutMs: 200, terminalPin: createTerminalPinPrompt(input, output) });
    const quickUrl = `http://127.0.0.1:${await quick.listen(0)}`;
    try {
      const bearer = await pairWithAgent(harness);
      const [{ id }] = (await (await pageFetch(quickUrl, "/v1/certificates", { token: bearer })).json()) as [{ id: string }];
      const body = () => ({ requestId: randomBytes(16).toString("base64url"), certificateId: id, hashes: [randomBytes(32).toString("base64")], hashAlgorithm: "SHA-256" });
      printed = "";
      expect((await pageFetch(quickUrl, "/v1/sign", { token: bearer, body: body() })).status).toBe(408);
      await printedSoon("Yêu cầu ký đã kết thúc");
      printed = "";
      const second = pageFetch(quickUrl, "/v1/sign", { token: bearer, body: body() });
      await printedSoon("Nhập mã PIN");
      input.write(`${harness.token.pin}\n`);
      expect((await second).status).toBe(200);
    } finally {
      await quick.close();
    }
  });
});

import { randomBytes } from "node:crypto";
import { createAgentServer, type AgentServer } from "@/agent/http-server";
import { Pairing } from "@/agent/pairing";
import { Pkcs11Token } from "@/agent/pkcs11-token";
import { createTestCa, issueTestCertificate, type TestCa } from "./external-test-ca";
import { createSoftHsmToken, generateEcKeyOnToken, storeCertificateOnToken, type SoftHsmToken, type TokenKey } from "./softhsm-token";

/**
 * The signing agent in-process on a free port, over a SoftHSM2 token holding one signer key (certificate by a
 * test CA, the CA certificate stored on the token too), with helpers that act like the page and like the person
 * typing the PIN on the agent's approval page.
 */

export const CAMKET_ORIGIN = "https://camket.test";

export interface AgentHarness {
  token: SoftHsmToken;
  key: TokenKey;
  ca: TestCa;
  certDer: Uint8Array;
  agent: AgentServer;
  pairing: Pairing;
  baseUrl: string;
  /** A pairing code the agent would print. */
  newCode(): string;
  close(): Promise<void>;
}

export async function startAgentHarness(options: { approvalTimeoutMs?: number; commonName?: string } = {}): Promise<AgentHarness> {
  const token = await createSoftHsmToken();
  const key = generateEcKeyOnToken(token, { label: options.commonName ?? "Nguyễn Văn Đức" });
  const ca = await createTestCa("Test VGCA Root");
  const certDer = await issueTestCertificate(ca, key.spkiDer, { commonName: options.commonName ?? "Nguyễn Văn Đức" });
  storeCertificateOnToken(token, { certDer, id: key.id, label: options.commonName ?? "Nguyễn Văn Đức" });
  storeCertificateOnToken(token, { certDer: ca.certDer, id: randomBytes(8), label: "Test VGCA Root" });

  const pairing = new Pairing({ origin: CAMKET_ORIGIN, stateFile: null });
  const agent = createAgentServer({ token: new Pkcs11Token({ modulePath: token.modulePath }), origin: CAMKET_ORIGIN, pairing, approvalTimeoutMs: options.approvalTimeoutMs ?? 5000 });
  const port = await agent.listen(0);
  return {
    token,
    key,
    ca,
    certDer,
    agent,
    pairing,
    baseUrl: `http://127.0.0.1:${port}`,
    newCode: () => pairing.newCode(),
    close: () => agent.close(),
  };
}

/** fetch as the camket page would (with its Origin), optionally with the bearer token. */
export function pageFetch(baseUrl: string, path: string, init: { method?: string; body?: unknown; token?: string; origin?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { Origin: init.origin ?? CAMKET_ORIGIN, ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(`${baseUrl}${path}`, { method: init.method ?? (init.body === undefined ? "GET" : "POST"), headers, body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body) });
}

export async function pairWithAgent(harness: AgentHarness): Promise<string> {
  const response = await pageFetch(harness.baseUrl, "/v1/pair", { body: { code: harness.newCode() } });
  const { token } = (await response.json()) as { token: string };
  return token;
}

/**
 * What the person does in the popup: opens /approve/<requestId> (waiting until the sign request has arrived),
 * types the PIN and presses "Ký" (or "Từ chối"). Returns the page's status and HTML.
 */
export async function answerApproval(baseUrl: string, requestId: string, answer: { pin?: string; decision?: "approve" | "reject" }): Promise<{ status: number; html: string }> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const page = await (await fetch(`${baseUrl}/approve/${requestId}`)).text();
    const formToken = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
    if (formToken) {
      const response = await fetch(`${baseUrl}/approve/${requestId}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
        body: new URLSearchParams({ formToken, pin: answer.pin ?? "", decision: answer.decision ?? "approve" }).toString(),
      });
      return { status: response.status, html: await response.text() };
    }
    if (Date.now() > deadline) throw new Error(`no approval form for ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes, verify, X509Certificate } from "node:crypto";
import { createServer } from "node:net";
import { AgentClient, type ApprovalWindow } from "./agent-client";
import { answerApproval, CAMKET_ORIGIN, startAgentHarness, type AgentHarness } from "@/lib/signing/testing/agent-harness";

let harness: AgentHarness;

beforeAll(async () => {
  harness = await startAgentHarness();
});
afterAll(() => harness?.close());

/** fetch as a browser on the camket page sends it: with the page's Origin. */
const browserFetch: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: CAMKET_ORIGIN } });

/** A popup in which the person types `pin` (or refuses); records the URLs opened and whether it was closed. */
function person(answer: { pin?: string; decision?: "approve" | "reject" }) {
  const opened: string[] = [];
  let closed = false;
  const openApprovalWindow = (url: string): ApprovalWindow => {
    opened.push(url);
    const requestId = url.split("/approve/")[1]!;
    void answerApproval(harness.baseUrl, requestId, answer).catch(() => {});
    return { close: () => void (closed = true) };
  };
  return { openApprovalWindow, opened, wasClosed: () => closed };
}

const item = (data: Uint8Array) => ({ signedAttributes: data, sha256: new Uint8Array(createHash("sha256").update(data).digest()) });

describe("agent client against the real agent", () => {
  it("detects, pairs, lists the token's keys and signs a batch through the approval window", async () => {
    const user = person({ pin: harness.token.pin });
    const client = new AgentClient({ baseUrl: harness.baseUrl, fetch: browserFetch, openApprovalWindow: user.openApprovalWindow });
    expect(await client.detect()).toMatchObject({ name: "camket-agent", paired: false });
    await expect(client.listKeys()).rejects.toThrow(/chưa ghép nối/);
    await expect(client.pair("12")).rejects.toThrow("Mã ghép nối gồm 6 chữ số.");
    const token = await client.pair(harness.newCode());
    expect(token).toBe(client.pairingToken);
    expect(await client.detect()).toMatchObject({ paired: true });

    const [key] = await client.listKeys();
    expect(key).toMatchObject({ method: "AGENT", label: "Nguyễn Văn Đức" });
    expect(Buffer.from(key!.certificate)).toEqual(Buffer.from(harness.certDer));
    expect(key!.chain.map((der) => Buffer.from(der))).toEqual([Buffer.from(harness.ca.certDer)]);

    const items = [item(randomBytes(50)), item(randomBytes(60))];
    const signatures = await key!.sign(items);
    expect(user.opened).toHaveLength(1);
    expect(user.opened[0]).toMatch(new RegExp(`^${harness.baseUrl}/approve/[A-Za-z0-9_-]{24}$`));
    expect(user.wasClosed()).toBe(true);
    const publicKey = new X509Certificate(Buffer.from(key!.certificate)).publicKey;
    items.forEach((entry, index) => expect(verify("sha256", entry.signedAttributes, { key: publicKey, dsaEncoding: "ieee-p1363" }, signatures[index]!)).toBe(true));

    // The person refuses: a clear message, and the token stays paired.
    const refusing = new AgentClient({ baseUrl: harness.baseUrl, token, fetch: browserFetch, openApprovalWindow: person({ decision: "reject" }).openApprovalWindow });
    const [refusedKey] = await refusing.listKeys();
    await expect(refusedKey!.sign([item(randomBytes(10))])).rejects.toThrow("Người ký đã từ chối ở chương trình ký.");
  });

  it("beginApproval opens the window in the click, before the prepare call; sign then uses that window", async () => {
    const user = person({ pin: harness.token.pin });
    const client = new AgentClient({ baseUrl: harness.baseUrl, fetch: browserFetch, openApprovalWindow: user.openApprovalWindow });
    await client.pair(harness.newCode());
    const [key] = await client.listKeys();
    client.beginApproval();
    expect(user.opened).toHaveLength(1);
    const waiting = await (await fetch(user.opened[0]!)).text();
    expect(waiting).toContain("Đang chờ yêu cầu ký");
    await new Promise((resolve) => setTimeout(resolve, 50)); // the server's prepare call
    const signatures = await key!.sign([item(randomBytes(10))]);
    expect(signatures).toHaveLength(1);
    expect(user.opened).toHaveLength(1);
    expect(user.wasClosed()).toBe(true);
  });

  it("a blocked popup fails at once with what to do", async () => {
    const client = new AgentClient({ baseUrl: harness.baseUrl, fetch: browserFetch, openApprovalWindow: () => null });
    await client.pair(harness.newCode());
    const [key] = await client.listKeys();
    await expect(key!.sign([item(randomBytes(10))])).rejects.toThrow(/chặn cửa sổ nhập mã PIN/);
  });
});

describe("agent client failures", () => {
  const fakeKey = async (fetchImpl: typeof fetch, options: { signTimeoutMs?: number } = {}) => {
    const listing = [{ id: "0:01", label: "Giả", certificate: Buffer.from(harness.certDer).toString("base64"), chain: [] }];
    const client = new AgentClient({
      token: "t".repeat(43),
      openApprovalWindow: () => ({ close() {} }),
      ...options,
      fetch: (input, init) => (String(input).endsWith("/v1/certificates") ? Promise.resolve(Response.json(listing)) : fetchImpl(input, init)),
    });
    return (await client.listKeys())[0]!;
  };

  it("no agent running: detect gives null, calls say to start the agent", async () => {
    const port = await freePort();
    const client = new AgentClient({ baseUrl: `http://127.0.0.1:${port}`, token: "t".repeat(43) });
    expect(await client.detect()).toBeNull();
    await expect(client.listKeys()).rejects.toThrow(/Không kết nối được chương trình ký/);
  });

  it("a hanging agent times out with a clear message", async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const client = new AgentClient({ fetch: hang, detectTimeoutMs: 50, requestTimeoutMs: 50 });
    expect(await client.detect()).toBeNull();
    await expect(client.pair("123456")).rejects.toThrow(/không phản hồi/);
    const key = await fakeKey(hang, { signTimeoutMs: 50 });
    await expect(key.sign([item(randomBytes(10))])).rejects.toThrow(/không trả lời trong thời gian chờ/);
  });

  it("closing the approval window ends the wait at once; an open window waits for the answer", async () => {
    let aborted = false;
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => {
          aborted = true;
          reject(new DOMException("aborted", "AbortError"));
        }),
      );
    let closed = false;
    const listing = [{ id: "0:01", label: "Giả", certificate: Buffer.from(harness.certDer).toString("base64"), chain: [] }];
    const client = new AgentClient({
      token: "t".repeat(43),
      windowPollMs: 10,
      openApprovalWindow: () => ({ close() {}, get closed() { return closed; } }),
      fetch: (input, init) => (String(input).endsWith("/v1/certificates") ? Promise.resolve(Response.json(listing)) : hang(input, init)),
    });
    const [key] = await client.listKeys();
    const signing = key!.sign([item(randomBytes(10))]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aborted).toBe(false);
    closed = true;
    await expect(signing).rejects.toThrow("Cửa sổ nhập mã PIN đã bị đóng trước khi ký; hãy ký lại.");
    expect(aborted).toBe(true);
  });

  it("garbage answers are refused, not trusted", async () => {
    for (const body of ["<html>hello</html>", JSON.stringify({ signatures: "abc" }), JSON.stringify({ signatures: ["!!notbase64!!"] }), JSON.stringify({ signatures: [] })]) {
      const key = await fakeKey(async () => new Response(body, { status: 200 }));
      await expect(key.sign([item(randomBytes(10))])).rejects.toThrow(/không đúng định dạng/);
    }
    const key = await fakeKey(async () => new Response("Internal error", { status: 500 }));
    await expect(key.sign([item(randomBytes(10))])).rejects.toThrow(/không đúng định dạng.*HTTP 500/);
  });

  it("a refused PIN or a locked token shows the agent's message; English messages from other agents are replaced", async () => {
    const answer = (code: string, message: string, status: number) => fakeKey(async () => Response.json({ error: { code, message } }, { status }));
    await expect((await answer("PIN_INCORRECT", "Mã PIN không đúng (CKR_PIN_INCORRECT).", 403)).sign([item(randomBytes(10))])).rejects.toThrow("Mã PIN không đúng (CKR_PIN_INCORRECT).");
    await expect((await answer("PIN_LOCKED", "token locked", 423)).sign([item(randomBytes(10))])).rejects.toThrow(/Token đã bị khoá/);
    await expect((await answer("SOMETHING", "weird", 500)).sign([item(randomBytes(10))])).rejects.toThrow("Chương trình ký báo lỗi: weird");
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

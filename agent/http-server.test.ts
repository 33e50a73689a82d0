import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes, verify, X509Certificate } from "node:crypto";
import { request } from "node:http";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createAgentServer, MAX_HASHES } from "./http-server";
import { Pairing } from "./pairing";
import { Pkcs11Token, TokenError } from "./pkcs11-token";
import { answerApproval, CAMKET_ORIGIN, pageFetch, pairWithAgent, startAgentHarness, type AgentHarness } from "@/lib/signing/testing/agent-harness";
import { generateRsaKeyOnToken, privateKeyAttributes, storeCertificateOnToken } from "@/lib/signing/testing/softhsm-token";
import { createCityCa, issueUserCertificateForPublicKey } from "@/lib/signing/city-ca";

let harness: AgentHarness;
let bearer: string;
let certificateId: string;

beforeAll(async () => {
  harness = await startAgentHarness();
  bearer = await pairWithAgent(harness);
  const list = (await (await pageFetch(harness.baseUrl, "/v1/certificates", { token: bearer })).json()) as { id: string }[];
  certificateId = list[0]!.id;
});
afterAll(() => harness?.close());

const requestId = () => randomBytes(16).toString("base64url");
const signBody = (hashes: Uint8Array[], id = requestId()) => ({ requestId: id, certificateId, hashes: hashes.map((hash) => Buffer.from(hash).toString("base64")), hashAlgorithm: "SHA-256" });

describe("CORS and origin", () => {
  it("answers the camket origin exactly (never *), including a Private Network Access preflight", async () => {
    const preflight = await pageFetch(harness.baseUrl, "/v1/sign", {
      method: "OPTIONS",
      headers: { "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type", "Access-Control-Request-Private-Network": "true" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(CAMKET_ORIGIN);
    expect(preflight.headers.get("access-control-allow-private-network")).toBe("true");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/);

    const info = await pageFetch(harness.baseUrl, "/v1/info");
    expect(info.status).toBe(200);
    expect(info.headers.get("access-control-allow-origin")).toBe(CAMKET_ORIGIN);
    expect(await info.json()).toMatchObject({ name: "camket-agent", protocol: 1, paired: false });
    expect(await (await pageFetch(harness.baseUrl, "/v1/info", { token: bearer })).json()).toMatchObject({ paired: true });
  });

  it("refuses any other origin (and a request without Origin) with 403 and no CORS headers", async () => {
    for (const origin of ["https://evil.test", "https://camket.test.evil.test", "null"]) {
      for (const method of ["OPTIONS", "GET"]) {
        const response = await pageFetch(harness.baseUrl, "/v1/info", { method, origin, headers: { "Access-Control-Request-Private-Network": "true" } });
        expect(response.status).toBe(403);
        expect(response.headers.get("access-control-allow-origin")).toBeNull();
        expect(response.headers.get("access-control-allow-private-network")).toBeNull();
      }
    }
    expect((await fetch(`${harness.baseUrl}/v1/info`)).status).toBe(403);
  });

  it("refuses a Host that is not 127.0.0.1/localhost (DNS rebinding)", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(harness.baseUrl);
      request({ host: "127.0.0.1", port: url.port, path: "/v1/info", headers: { Host: `rebind.evil.test:${url.port}`, Origin: CAMKET_ORIGIN } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on("error", reject)
        .end();
    });
    expect(status).toBe(421);
  });
});

describe("pairing", () => {
  it("every call but info and pair needs the bearer token; a wrong code is refused; a code works once", async () => {
    expect((await pageFetch(harness.baseUrl, "/v1/certificates")).status).toBe(401);
    expect((await pageFetch(harness.baseUrl, "/v1/certificates", { token: "x".repeat(43) })).status).toBe(401);
    const signed = await pageFetch(harness.baseUrl, "/v1/sign", { body: signBody([randomBytes(32)]) });
    expect(signed.status).toBe(401);
    expect(((await signed.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");

    const code = harness.newCode();
    const wrong = code === "000000" ? "000001" : "000000";
    const refused = await pageFetch(harness.baseUrl, "/v1/pair", { body: { code: wrong } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("WRONG_CODE");
    const accepted = await pageFetch(harness.baseUrl, "/v1/pair", { body: { code } });
    expect(accepted.status).toBe(200);
    const { token } = (await accepted.json()) as { token: string };
    expect((await pageFetch(harness.baseUrl, "/v1/certificates", { token })).status).toBe(200);
    expect((await pageFetch(harness.baseUrl, "/v1/pair", { body: { code } })).status).toBe(409);
  });

  it("rate-limits wrong codes, then accepts again after the window; keeps only hashes, in a 0600 file", async () => {
    let now = 1_000_000;
    const stateFile = path.join(await mkdtemp(path.join(tmpdir(), "camket-pairing-")), "sub", "pairings.json");
    const pairing = new Pairing({ origin: CAMKET_ORIGIN, stateFile, now: () => now });
    const code = pairing.newCode();
    const wrong = code === "999999" ? "999998" : "999999";
    for (let attempt = 0; attempt < 5; attempt++) expect(pairing.pair(wrong)).toEqual({ ok: false, reason: "WRONG_CODE" });
    expect(pairing.pair(code)).toMatchObject({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
    now += 61_000;
    const result = pairing.pair(code);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(pairing.isAuthorized(`Bearer ${result.token}`)).toBe(true);
    expect((await stat(stateFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(stateFile, "utf8")).not.toContain(result.token);
    // A restarted agent reads the file: still paired, no new code needed.
    const restarted = new Pairing({ origin: CAMKET_ORIGIN, stateFile });
    expect(restarted.paired).toBe(true);
    expect(restarted.isAuthorized(`Bearer ${result.token}`)).toBe(true);
    expect(new Pairing({ origin: "https://other.test", stateFile }).isAuthorized(`Bearer ${result.token}`)).toBe(false);
  });
});

describe("certificates and signing", () => {
  it("lists the token's certificate with its issuer from the token as chain", async () => {
    const list = (await (await pageFetch(harness.baseUrl, "/v1/certificates", { token: bearer })).json()) as { id: string; label: string; certificate: string; chain: string[] }[];
    expect(list).toHaveLength(1); // the CA certificate on the token is not offered as a signing certificate
    expect(list[0]!.label).toBe("Nguyễn Văn Đức");
    expect(Buffer.from(list[0]!.certificate, "base64")).toEqual(Buffer.from(harness.certDer));
    expect(list[0]!.chain.map((der) => Buffer.from(der, "base64"))).toEqual([Buffer.from(harness.ca.certDer)]);
  });

  it("signs a batch of hashes after one PIN on the approval page; each signature verifies against the certificate", async () => {
    const documents = [randomBytes(100), randomBytes(200), randomBytes(300)];
    const hashes = documents.map((data) => createHash("sha256").update(data).digest());
    const body = signBody(hashes);
    const [response, page] = await Promise.all([
      pageFetch(harness.baseUrl, "/v1/sign", { token: bearer, body }),
      answerApproval(harness.baseUrl, body.requestId, { pin: harness.token.pin }),
    ]);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Đã ký 3 tài liệu");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(CAMKET_ORIGIN);
    const { signatures } = (await response.json()) as { signatures: string[] };
    expect(signatures).toHaveLength(3);
    const key = new X509Certificate(Buffer.from(harness.certDer)).publicKey;
    documents.forEach((data, index) => {
      const signature = Buffer.from(signatures[index]!, "base64");
      expect(signature).toHaveLength(64); // r‖s
      expect(verify("sha256", data, { key, dsaEncoding: "ieee-p1363" }, signature)).toBe(true);
      expect(verify("sha256", documents[(index + 1) % 3]!, { key, dsaEncoding: "ieee-p1363" }, signature)).toBe(false);
    });
  });

  it("shows the certificate and document count on the approval page, which cannot be framed", async () => {
    const body = signBody([randomBytes(32), randomBytes(32)]);
    const pending = pageFetch(harness.baseUrl, "/v1/sign", { token: bearer, body });
    let page: Response | undefined;
    for (let tries = 0; tries < 100; tries++) {
      page = await fetch(`${harness.baseUrl}/approve/${body.requestId}`);
      const html = await page.clone().text();
      if (html.includes("formToken")) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const html = await page!.text();
    expect(html).toContain("Nguyễn Văn Đức");
    expect(html).toMatch(/Số tài liệu<\/dt><dd>2</);
    expect(html).toContain('type="password"');
    expect(page!.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    // A form posted from another site is refused even with the right fields.
    const forged = await fetch(`${harness.baseUrl}/approve/${body.requestId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.test" },
      body: new URLSearchParams({ formToken: /name="formToken" value="([^"]+)"/.exec(html)![1]!, decision: "reject" }).toString(),
    });
    expect(forged.status).toBe(403);
    await answerApproval(harness.baseUrl, body.requestId, { decision: "reject" });
    const response = await pending;
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "REJECTED" } });
  });

  it("a wrong PIN is reported on the page and can be retried; too many wrong PINs fail the request with PIN_INCORRECT", async () => {
    const hash = randomBytes(32);
    const body = signBody([hash]);
    const response = pageFetch(harness.baseUrl, "/v1/sign", { token: bearer, body });
    const wrong = await answerApproval(harness.baseUrl, body.requestId, { pin: "000000" });
    expect(wrong.status).toBe(403);
    expect(wrong.html).toContain("CKR_PIN_INCORRECT");
    const right = await answerApproval(harness.baseUrl, body.requestId, { pin: harness.token.pin });
    expect(right.status).toBe(200);
    expect((await response).status).toBe(200);

    const failing = signBody([hash]);
    const failed = pageFetch(harness.baseUrl, "/v1/sign", { token: bearer, body: failing });
    for (let attempt = 0; attempt < 3; attempt++) await answerApproval(harness.baseUrl, failing.requestId, { pin: "000000" });
    const result = await failed;
    expect(result.status).toBe(403);
    const { error } = (await result.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("PIN_INCORRECT");
    expect(error.message).toContain("Mã PIN không đúng");
  });

  it("times out with APPROVAL_TIMEOUT when nobody approves", async () => {
    const quick = createAgentServer({ token: new Pkcs11Token({ modulePath: harness.token.modulePath }), origin: CAMKET_ORIGIN, pairing: harness.pairing, approvalTimeoutMs: 300 });
    const port = await quick.listen(0);
    try {
      const started = Date.now();
      const response = await pageFetch(`http://127.0.0.1:${port}`, "/v1/sign", { token: bearer, body: signBody([randomBytes(32)]) });
      expect(response.status).toBe(408);
      expect(await response.json()).toMatchObject({ error: { code: "APPROVAL_TIMEOUT" } });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await quick.close();
    }
  });

  it("a locked token gives PIN_LOCKED (423) with a clear message", async () => {
    const locked = createAgentServer({
      token: {
        listCertificates: () => [{ id: "0:01", label: "Khoá", certificate: harness.certDer, chain: [] }],
        signHashes: () => {
          throw new TokenError("PIN_LOCKED", "Token đã bị khoá do nhập sai PIN quá số lần cho phép (CKR_PIN_LOCKED).");
        },
      },
      origin: CAMKET_ORIGIN,
      pairing: harness.pairing,
    });
    const port = await locked.listen(0);
    try {
      const body = { ...signBody([randomBytes(32)]), certificateId: "0:01" };
      const [response, page] = await Promise.all([
        pageFetch(`http://127.0.0.1:${port}`, "/v1/sign", { token: bearer, body }),
        answerApproval(`http://127.0.0.1:${port}`, body.requestId, { pin: "1234" }),
      ]);
      expect(response.status).toBe(423);
      expect(await response.json()).toMatchObject({ error: { code: "PIN_LOCKED" } });
      expect(page.html).toContain("CKR_PIN_LOCKED");
    } finally {
      await locked.close();
    }
  });

  it("warns on the approval page when the token reports its final PIN try, and refuses at once when it reports locked", async () => {
    let status: "final-try" | "locked" = "final-try";
    const token = new Pkcs11Token({ modulePath: harness.token.modulePath });
    const warning = createAgentServer({
      token: { listCertificates: () => token.listCertificates(), signHashes: (...args) => token.signHashes(...args), pinStatus: () => status },
      origin: CAMKET_ORIGIN,
      pairing: harness.pairing,
    });
    const base = `http://127.0.0.1:${await warning.listen(0)}`;
    try {
      const body = signBody([randomBytes(32)]);
      const response = pageFetch(base, "/v1/sign", { token: bearer, body });
      let html = "";
      for (let tries = 0; tries < 100 && !html.includes("formToken"); tries++) html = await (await fetch(`${base}/approve/${body.requestId}`)).text();
      expect(html).toContain("Chỉ còn MỘT lần nhập PIN");
      await answerApproval(base, body.requestId, { pin: harness.token.pin });
      expect((await response).status).toBe(200);

      status = "locked";
      const started = Date.now();
      const refused = await pageFetch(base, "/v1/sign", { token: bearer, body: signBody([randomBytes(32)]) });
      expect(refused.status).toBe(423);
      expect(await refused.json()).toMatchObject({ error: { code: "PIN_LOCKED" } });
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await warning.close();
    }
  });

  it("validates the request: hash count, hash length, algorithm, certificate, JSON, body size", async () => {
    const bad = async (body: unknown, status = 400) => {
      const response = await pageFetch(harness.baseUrl, "/v1/sign", { token: bearer, body });
      expect(response.status).toBe(status);
      return ((await response.json()) as { error: { code: string; message: string } }).error;
    };
    expect((await bad(signBody(Array.from({ length: MAX_HASHES + 1 }, () => randomBytes(32))))).message).toMatch(/at most 200/);
    await bad(signBody([]));
    await bad(signBody([randomBytes(31)]));
    await bad(signBody([randomBytes(33)]));
    await bad({ ...signBody([randomBytes(32)]), hashes: ["not base64 at all, definitely not"] });
    await bad({ ...signBody([randomBytes(32)]), hashAlgorithm: "SHA-1" });
    await bad({ ...signBody([randomBytes(32)]), requestId: "short" });
    expect((await bad({ ...signBody([randomBytes(32)]), certificateId: "0:ffff" }, 404)).code).toBe("UNKNOWN_CERTIFICATE");
    expect((await bad("{not json")).code).toBe("BAD_REQUEST");
    expect((await bad("x".repeat(1024 * 1024 + 1), 413)).code).toBe("PAYLOAD_TOO_LARGE");
    const plain = await pageFetch(harness.baseUrl, "/v1/sign", { token: bearer, method: "POST", headers: { "Content-Type": "text/plain" } });
    expect(plain.status).toBe(415);
  });
});

describe("an RSA key (as on most VGCA tokens)", () => {
  it("is listed and signs PKCS#1 v1.5 over the SHA-256 DigestInfo", async () => {
    const key = generateRsaKeyOnToken(harness.token, { label: "Trần Thị RSA" });
    const ca = await createCityCa({ commonName: "CA thử" });
    const issued = await issueUserCertificateForPublicKey(ca, key.spkiDer, { fullName: "Trần Thị RSA", jobTitle: "Chủ tịch", unitName: "UBND" });
    storeCertificateOnToken(harness.token, { certDer: issued.certDer, id: key.id, label: "Trần Thị RSA" });
    const list = (await (await pageFetch(harness.baseUrl, "/v1/certificates", { token: bearer })).json()) as { id: string; label: string }[];
    const entry = list.find((candidate) => candidate.label === "Trần Thị RSA");
    expect(entry?.id.endsWith(`:${key.id.toString("hex")}`)).toBe(true);
    const data = randomBytes(64);
    const body = { ...signBody([createHash("sha256").update(data).digest()]), certificateId: entry!.id };
    const [response] = await Promise.all([
      pageFetch(harness.baseUrl, "/v1/sign", { token: bearer, body }),
      answerApproval(harness.baseUrl, body.requestId, { pin: harness.token.pin }),
    ]);
    expect(response.status).toBe(200);
    const [signature] = ((await response.json()) as { signatures: string[] }).signatures;
    const publicKey = new X509Certificate(Buffer.from(issued.certDer)).publicKey;
    expect(Buffer.from(signature!, "base64")).toHaveLength(256);
    expect(verify("sha256", data, publicKey, Buffer.from(signature!, "base64"))).toBe(true);
    expect(privateKeyAttributes(harness.token, key.id)).toMatchObject({ extractable: false, sensitive: true });
  });
});

describe("the key on the token", () => {
  it("is not extractable and sensitive (the token will never hand it out)", () => {
    expect(privateKeyAttributes(harness.token, harness.key.id)).toEqual({ extractable: false, sensitive: true, neverExtractable: true });
  });
});

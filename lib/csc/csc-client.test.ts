import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkExternalSignature } from "@/lib/signing/check-external-signature";
import { assembleSignedData, signedAttributesDer } from "@/lib/signing/cms-signed-data";
import { embedSignature, prepareSignature } from "@/lib/signing/sign-pdf";
import { createSamplePdf } from "@/lib/signing/testing/sample-pdf";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { createTrustingNssDb, runPdfsig, tempDir } from "@/lib/signing/testing/external-tools";
import { buildAuthorizationRequest } from "./build-authorization-request";
import { completeCscLink } from "./complete-csc-link";
import { cscAccountFromTokens, type CscAccount } from "./csc-account";
import { cscConfigFromEnv, type CscConfig } from "./csc-config";
import { CscError, type CscErrorCode } from "./csc-error";
import { encodeLinkCookie } from "./csc-link-cookie";
import type { CscTokens } from "./csc-tokens";
import { credentialNeedsOtp, credentialNeedsPin, getCredentialInfo } from "./get-credential-info";
import { getCscInfo } from "./get-csc-info";
import { listCredentials } from "./list-credentials";
import { sendOtp } from "./send-otp";
import { signHashes } from "./sign-hashes";
import { signHashesWithCsc } from "./sign-hashes-with-csc";
import { startCscTestServer, type CscTestServer } from "./testing/csc-test-server";

/**
 * The CSC v2 client against a local provider that speaks the protocol and signs on a SoftHSM2 token:
 * linking (OAuth2 code + state + PKCE), credentials, one authorization for a batch, every failure a
 * person can meet (wrong OTP/PIN, expired link, provider down/500/garbage/hanging), and a real PDF signed
 * end to end and judged by pdfsig.
 */

const REDIRECT_URI = "http://localhost:3000/api/csc/callback";
const USER_ID = "user-1";
let server: CscTestServer;
let config: CscConfig;

beforeAll(async () => {
  server = await startCscTestServer({ redirectUri: REDIRECT_URI, maxHashesPerRequest: 10 });
  config = {
    ...cscConfigFromEnv({ CAMKET_CSC_BASE_URL: server.baseUrl, CAMKET_CSC_CLIENT_ID: server.clientId, CAMKET_CSC_CLIENT_SECRET: server.clientSecret, CAMKET_CSC_NAME: "Thử nghiệm" })!,
    timeoutMs: 2_000,
  };
});
afterAll(async () => {
  await server?.close();
});

/** The browser's trip: our authorize URL → the provider's redirect back with code and state. */
async function visitProvider(url: string): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  return location.searchParams;
}

async function link(): Promise<CscTokens> {
  const request = buildAuthorizationRequest(config, REDIRECT_URI);
  const query = await visitProvider(request.url);
  const cookie = encodeLinkCookie({ state: request.state, codeVerifier: request.codeVerifier, userId: USER_ID, createdAt: Date.now() });
  const result = await completeCscLink({ config, userId: USER_ID, query, cookie, redirectUri: REDIRECT_URI });
  if (!result.ok) throw new Error(`link failed: ${result.reason}`);
  return result.tokens;
}

async function linkedAccount(onRefresh?: (tokens: CscTokens) => Promise<void>): Promise<CscAccount> {
  return cscAccountFromTokens(config, await link(), onRefresh);
}

/** Signed attributes as prepare makes them, and the SHA-256 that goes to signHash. */
function toBeSigned() {
  const signedAttributes = signedAttributesDer({ contentDigest: randomBytes(32), signerCertDer: server.certificate });
  return { signedAttributes, sha256: new Uint8Array(createHash("sha256").update(signedAttributes).digest()) };
}

async function expectCscError(promise: Promise<unknown>, code: CscErrorCode): Promise<CscError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CscError);
  expect((error as CscError).code).toBe(code);
  return error as CscError;
}

const calls = (method: string) => server.calls[method] ?? 0;

describe("linking the provider account (OAuth2 authorization code)", () => {
  it("exchanges the code with the state and PKCE verifier; the tokens work", async () => {
    const tokens = await link();
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await listCredentials(config, tokens.accessToken)).toEqual([server.credentialId]);
  });

  it("refuses a wrong state, another person's cookie, or no cookie, without calling the provider", async () => {
    const request = buildAuthorizationRequest(config, REDIRECT_URI);
    const query = await visitProvider(request.url);
    expect(query.get("state")).toBe(request.state);
    const before = calls("oauth2/token");
    const forged = buildAuthorizationRequest(config, REDIRECT_URI);
    const cookieFor = (userId: string, state = request.state) => encodeLinkCookie({ state, codeVerifier: request.codeVerifier, userId, createdAt: Date.now() });

    for (const [userId, cookie] of [
      [USER_ID, cookieFor(USER_ID, forged.state)],
      [USER_ID, cookieFor("someone-else")],
      [USER_ID, undefined],
      [USER_ID, "not-a-cookie"],
    ] as const) {
      expect(await completeCscLink({ config, userId, query, cookie, redirectUri: REDIRECT_URI })).toEqual({ ok: false, reason: "state-mismatch" });
    }
    expect(calls("oauth2/token")).toBe(before);
    // The genuine cookie still completes it.
    expect(await completeCscLink({ config, userId: USER_ID, query, cookie: cookieFor(USER_ID), redirectUri: REDIRECT_URI })).toMatchObject({ ok: true });
  });

  it("a code exchanged with the wrong PKCE verifier is refused by the provider", async () => {
    const request = buildAuthorizationRequest(config, REDIRECT_URI);
    const query = await visitProvider(request.url);
    const cookie = encodeLinkCookie({ state: request.state, codeVerifier: randomBytes(32).toString("base64url"), userId: USER_ID, createdAt: Date.now() });
    const result = await completeCscLink({ config, userId: USER_ID, query, cookie, redirectUri: REDIRECT_URI });
    expect(result).toMatchObject({ ok: false, reason: "provider" });
    if (!result.ok) expect(result.error?.code).toBe("link-expired");
  });
});

describe("credentials", () => {
  it("info, list and credential info with the certificate chain and the PIN + OTP it asks for", async () => {
    const info = await getCscInfo(config);
    expect(info.methods).toContain("signatures/signHash");
    const { accessToken } = await link();
    const [credentialId] = await listCredentials(config, accessToken);
    const credential = await getCredentialInfo(config, accessToken, credentialId!);
    expect(credential.cert?.certificates?.map((b64) => Buffer.from(b64, "base64"))).toEqual([Buffer.from(server.certificate), Buffer.from(server.ca.certDer)]);
    expect(credential).toMatchObject({ SCAL: "2", key: { status: "enabled" } });
    expect([credentialNeedsPin(credential), credentialNeedsOtp(credential)]).toEqual([true, true]);
    // The key it signs with never leaves the token.
    expect(server.key.privateKeyFlags()).toEqual({ extractable: false, sensitive: true });
  });
});

describe("signing", () => {
  it("signs one hash; the signature verifies against the certificate over the signed attributes", async () => {
    const account = await linkedAccount();
    const item = toBeSigned();
    await sendOtp(config, await account.accessToken(), server.credentialId);
    const [signature] = await signHashesWithCsc({ account, credentialId: server.credentialId, hashes: [item.sha256], pin: server.pin, otp: server.lastOtp! });
    const check = checkExternalSignature(item.signedAttributes, signature!, server.certificate);
    expect(check.ok).toBe(true);
    // And not over anything else.
    expect(checkExternalSignature(toBeSigned().signedAttributes, signature!, server.certificate)).toEqual({ ok: false, reason: "signature-mismatch" });
  });

  it("20 documents: ONE authorize (one OTP), signHash in batches of the provider's limit, 20 valid signatures", async () => {
    const account = await linkedAccount();
    const items = Array.from({ length: 20 }, toBeSigned);
    await sendOtp(config, await account.accessToken(), server.credentialId);
    const [authorizeBefore, signHashBefore] = [calls("credentials/authorize"), calls("signatures/signHash")];
    const signatures = await signHashesWithCsc({ account, credentialId: server.credentialId, hashes: items.map((i) => i.sha256), pin: server.pin, otp: server.lastOtp! });
    expect(calls("credentials/authorize") - authorizeBefore).toBe(1);
    expect(calls("signatures/signHash") - signHashBefore).toBe(2);
    expect(signatures).toHaveLength(20);
    items.forEach((item, i) => expect(checkExternalSignature(item.signedAttributes, signatures[i]!, server.certificate).ok).toBe(true));
  });

  it("the SAD covers only the hashes it was issued for", async () => {
    const account = await linkedAccount();
    const token = await account.accessToken();
    const authorized = toBeSigned().sha256;
    await sendOtp(config, token, server.credentialId);
    const { authorizeCredential } = await import("./authorize-credential");
    const { sad } = await authorizeCredential(config, token, { credentialId: server.credentialId, hashes: [authorized], pin: server.pin, otp: server.lastOtp! });
    const signedBefore = server.signed.length;
    await expectCscError(signHashes(config, token, { credentialId: server.credentialId, sad, hashes: [toBeSigned().sha256], signAlgo: "1.2.840.10045.4.3.2" }), "refused");
    expect(server.signed.length).toBe(signedBefore);
    expect(await signHashes(config, token, { credentialId: server.credentialId, sad, hashes: [authorized], signAlgo: "1.2.840.10045.4.3.2" })).toHaveLength(1);
    // Used up: the same hash cannot be signed twice with it.
    await expectCscError(signHashes(config, token, { credentialId: server.credentialId, sad, hashes: [authorized], signAlgo: "1.2.840.10045.4.3.2" }), "refused");
  });

  it("a wrong OTP or PIN: a clear message, nothing signed", async () => {
    const account = await linkedAccount();
    const signedBefore = server.signed.length;
    await sendOtp(config, await account.accessToken(), server.credentialId);
    const wrongOtp = server.lastOtp === "000000" ? "111111" : "000000";
    const otpError = await expectCscError(signHashesWithCsc({ account, credentialId: server.credentialId, hashes: [toBeSigned().sha256], pin: server.pin, otp: wrongOtp }), "invalid-otp");
    expect(otpError.message).toBe("Mã OTP không đúng hoặc đã hết hạn. Chưa có văn bản nào được ký.");
    expect(otpError.messageFor("en")).toMatch(/one-time code is wrong/);

    await sendOtp(config, await account.accessToken(), server.credentialId);
    const pinError = await expectCscError(signHashesWithCsc({ account, credentialId: server.credentialId, hashes: [toBeSigned().sha256], pin: "999999", otp: server.lastOtp! }), "invalid-pin");
    expect(pinError.message).toMatch(/^Mã PIN không đúng/);
    expect(server.signed.length).toBe(signedBefore);
  });

  it("an expired certificate is reported before anything is authorized", async () => {
    const account = await linkedAccount();
    server.certificateStatus = "expired";
    try {
      const before = calls("credentials/authorize");
      await expectCscError(signHashesWithCsc({ account, credentialId: server.credentialId, hashes: [toBeSigned().sha256], pin: server.pin, otp: "1" }), "credential-expired");
      expect(calls("credentials/authorize")).toBe(before);
    } finally {
      server.certificateStatus = "valid";
    }
  });
});

describe("an expired link", () => {
  it("an access token the provider rejects is refreshed once and the call goes through; the new tokens are handed over to store", async () => {
    const stored: CscTokens[] = [];
    const account = await linkedAccount(async (tokens) => void stored.push(tokens));
    const tokenBefore = await account.accessToken();
    server.expireAccessTokens();
    const refreshesBefore = calls("oauth2/token");
    expect(await listCredentials(config, tokenBefore).catch((e: unknown) => (e as CscError).code)).toBe("link-expired");

    await sendOtp(config, await account.refresh(), server.credentialId);
    server.expireAccessTokens();
    const item = toBeSigned();
    const [signature] = await signHashesWithCsc({ account, credentialId: server.credentialId, hashes: [item.sha256], pin: server.pin, otp: server.lastOtp! });
    expect(checkExternalSignature(item.signedAttributes, signature!, server.certificate).ok).toBe(true);
    expect(calls("oauth2/token") - refreshesBefore).toBe(2);
    expect(stored).toHaveLength(2);
    expect(stored[1]!.accessToken).not.toBe(tokenBefore);
  });

  it("an access token past its expiry is refreshed before the call", async () => {
    const tokens = await link();
    const account = cscAccountFromTokens(config, { ...tokens, expiresAt: new Date(Date.now() - 1000) });
    const before = calls("oauth2/token");
    expect(await account.accessToken()).not.toBe(tokens.accessToken);
    expect(calls("oauth2/token") - before).toBe(1);
  });

  it("a refused refresh says to link again", async () => {
    const account = await linkedAccount();
    server.expireAccessTokens();
    server.revokeRefreshTokens();
    const error = await expectCscError(signHashesWithCsc({ account, credentialId: server.credentialId, hashes: [toBeSigned().sha256], pin: server.pin, otp: "1" }), "link-expired");
    expect(error.message).toBe("Liên kết tài khoản ký số từ xa đã hết hạn, hãy liên kết lại.");
    const noRefresh = cscAccountFromTokens(config, { accessToken: "x", refreshToken: null, expiresAt: new Date(0), scope: null });
    await expectCscError(noRefresh.accessToken(), "link-expired");
  });
});

describe("when the provider misbehaves", () => {
  it("500 with a stack trace: 'cannot reach', and the provider's text is logged, never shown", async () => {
    const account = await linkedAccount();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    server.mode = "error-500";
    try {
      const error = await expectCscError(signHashesWithCsc({ account, credentialId: server.credentialId, hashes: [toBeSigned().sha256], pin: server.pin }), "provider-down");
      expect(error.message).toBe("Không kết nối được dịch vụ ký số từ xa. Hãy thử lại sau.");
      expect(`${error.message} ${error.messageEn}`).not.toMatch(/Hsm\.java|500|html/i);
      expect(log.mock.calls.flat().join(" ")).toMatch(/credentials\/info: HTTP 500.*Hsm\.java/);
    } finally {
      server.mode = "normal";
      log.mockRestore();
    }
  });

  it("malformed JSON: a clear message", async () => {
    const account = await linkedAccount();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    server.mode = "malformed-json";
    try {
      const error = await expectCscError(listCredentials(config, await account.accessToken()), "malformed-response");
      expect(error.message).toMatch(/không đúng định dạng/);
      // Valid JSON of the wrong shape is no better.
      server.mode = "wrong-shape";
      await expectCscError(listCredentials(config, await account.accessToken()), "malformed-response");
    } finally {
      server.mode = "normal";
      log.mockRestore();
    }
  });

  it("a provider that hangs: the call gives up at the timeout with a clear message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    server.mode = "hang";
    try {
      const started = Date.now();
      const error = await expectCscError(getCscInfo({ ...config, timeoutMs: 300 }), "timeout");
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error.message).toBe("Dịch vụ ký số từ xa không phản hồi kịp. Hãy thử lại sau.");
    } finally {
      server.mode = "normal";
      log.mockRestore();
    }
  });

  it("a provider that is down (connection refused): a clear message", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const error = await expectCscError(getCscInfo({ ...config, baseUrl: `http://127.0.0.1:${port}/csc/v2` }), "provider-down");
      expect(error.message).toBe("Không kết nối được dịch vụ ký số từ xa. Hãy thử lại sau.");
      expect(log.mock.calls.flat().join(" ")).toMatch(/ECONNREFUSED/);
    } finally {
      log.mockRestore();
    }
  });
});

describe("a real PDF signed through CSC", () => {
  it("prepare → signed attributes → SHA-256 → signHash → CMS → embedded: pdfsig finds it valid and trusted", async () => {
    const chain = [server.certificate, server.ca.certDer];
    const prepared = await prepareSignature(
      {
        pdf: await createSamplePdf(),
        fieldName: "NguoiCamKet",
        slot: { page: 0, x: 60, y: 50, width: 230, height: 120 },
        appearance: { imagePng: createSignaturePng(), lines: ["Nguyễn Văn Đức", "Ký số từ xa (CSC)"] },
        signingTime: new Date(),
        name: "Nguyễn Văn Đức",
        reason: "Ký số từ xa",
      },
      chain,
    );
    const signedAttributes = signedAttributesDer({ contentDigest: prepared.contentDigest, signerCertDer: server.certificate });
    const account = await linkedAccount();
    await sendOtp(config, await account.accessToken(), server.credentialId);
    const [signature] = await signHashesWithCsc({
      account,
      credentialId: server.credentialId,
      hashes: [new Uint8Array(createHash("sha256").update(signedAttributes).digest())],
      pin: server.pin,
      otp: server.lastOtp!,
    });
    const check = checkExternalSignature(signedAttributes, signature!, server.certificate);
    if (!check.ok) throw new Error(check.reason);
    const cms = assembleSignedData({ signedAttributes, signature: check.signatureValue, signatureAlgorithmOid: check.signatureAlgorithmOid, certificateChain: chain });
    const file = path.join(await tempDir("camket-csc-"), "csc.pdf");
    await writeFile(file, await embedSignature(prepared, cms));
    const [result] = (await runPdfsig(file, await createTrustingNssDb(server.ca.certPem))).signatures;
    expect([result?.validation, result?.certificateValidation]).toEqual(["Signature is Valid.", "Certificate is Trusted."]);
  });

  it("the test server's 'go down' switch: afterwards every call is 'cannot reach'", async () => {
    await server.goDown();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expectCscError(getCscInfo(config), "provider-down");
    } finally {
      log.mockRestore();
    }
  });
});

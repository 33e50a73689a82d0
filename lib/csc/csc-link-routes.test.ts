import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/find-active-user";
import { createActor } from "@/lib/test/factories";
import { checkExternalSignature } from "@/lib/signing/check-external-signature";
import { signedAttributesDer } from "@/lib/signing/cms-signed-data";
import { createHash } from "node:crypto";
import { loadCscTokens } from "./csc-account-store";
import { CSC_LINK_COOKIE } from "./csc-link-cookie";
import { sendMyCscOtp, signWithMyCscCredential } from "./sign-with-my-csc-credential";
import { startCscTestServer, type CscTestServer } from "./testing/csc-test-server";

/**
 * /api/csc/connect and /api/csc/callback as the browser meets them: connect sets the link cookie and sends
 * the person to the provider; the provider sends them back; the callback checks the state against the
 * cookie, stores the tokens and lands on /chu-ky-so?csc=linked — or ?csc=state-mismatch, storing nothing.
 */

let actor: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => actor }));

const APP = "http://camket.test";
let server: CscTestServer;
const saved: Record<string, string | undefined> = {};
const ENV = ["CAMKET_CSC_BASE_URL", "CAMKET_CSC_OAUTH_URL", "CAMKET_CSC_CLIENT_ID", "CAMKET_CSC_CLIENT_SECRET", "NEXTAUTH_URL"] as const;

beforeAll(async () => {
  server = await startCscTestServer({ redirectUri: `${APP}/api/csc/callback` });
  for (const name of ENV) saved[name] = process.env[name];
  Object.assign(process.env, { CAMKET_CSC_BASE_URL: server.baseUrl, CAMKET_CSC_CLIENT_ID: server.clientId, CAMKET_CSC_CLIENT_SECRET: server.clientSecret, NEXTAUTH_URL: APP });
  delete process.env.CAMKET_CSC_OAUTH_URL;
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await server?.close();
});
beforeEach(async () => {
  actor = await createActor("UNIT_HEAD");
});

async function connect() {
  const { GET } = await import("@/app/api/csc/connect/route");
  const response = await GET();
  expect(response.status).toBe(303);
  const cookie = response.cookies.get(CSC_LINK_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/api/csc" });
  const location = response.headers.get("location")!;
  expect(location.startsWith(`${server.oauthUrl}/authorize?`)).toBe(true);
  expect(new URL(location).searchParams.get("code_challenge_method")).toBe("S256");
  // The browser at the provider (auto-approved), redirected back to the callback.
  const back = await fetch(location, { redirect: "manual" });
  return { cookie: cookie!.value, callbackUrl: back.headers.get("location")! };
}

async function callback(url: string, cookie: string | undefined) {
  const { GET } = await import("@/app/api/csc/callback/route");
  const request = new NextRequest(url, { headers: cookie ? { cookie: `${CSC_LINK_COOKIE}=${cookie}` } : {} });
  const response = await GET(request);
  expect(response.status).toBe(303);
  // The cookie is spent whatever happened.
  expect(response.cookies.get(CSC_LINK_COOKIE)?.value).toBe("");
  return response.headers.get("location");
}

describe("linking through the routes", () => {
  it("connect → provider → callback stores the tokens and lands on /chu-ky-so?csc=linked; then the person can sign", async () => {
    const { cookie, callbackUrl } = await connect();
    expect(callbackUrl.startsWith(`${APP}/api/csc/callback?`)).toBe(true);
    expect(await callback(callbackUrl, cookie)).toBe("/chu-ky-so?csc=linked");
    expect(await loadCscTokens(actor!.id)).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });

    const signedAttributes = signedAttributesDer({ contentDigest: new Uint8Array(32).fill(7), signerCertDer: server.certificate });
    await sendMyCscOtp(actor!, server.credentialId);
    const [signature] = await signWithMyCscCredential(actor!, {
      credentialId: server.credentialId,
      hashes: [new Uint8Array(createHash("sha256").update(signedAttributes).digest())],
      pin: server.pin,
      otp: server.lastOtp!,
    });
    expect(checkExternalSignature(signedAttributes, signature!, server.certificate).ok).toBe(true);
  });

  it("a callback whose state is not the cookie's (or without the cookie, or for another person) stores nothing", async () => {
    const { cookie, callbackUrl } = await connect();
    const forged = new URL(callbackUrl);
    forged.searchParams.set("state", "x".repeat(43));
    const tokenCalls = server.calls["oauth2/token"] ?? 0;
    expect(await callback(forged.toString(), cookie)).toBe("/chu-ky-so?csc=state-mismatch");
    expect(await callback(callbackUrl, undefined)).toBe("/chu-ky-so?csc=state-mismatch");
    const owner = actor;
    actor = await createActor("UNIT_HEAD");
    expect(await callback(callbackUrl, cookie)).toBe("/chu-ky-so?csc=state-mismatch");
    expect(server.calls["oauth2/token"] ?? 0).toBe(tokenCalls);
    expect(await loadCscTokens(owner!.id)).toBeNull();
    expect(await loadCscTokens(actor.id)).toBeNull();
  });

  it("the provider refusing the person ('access_denied') lands on ?csc=denied; signed out goes to /login", async () => {
    const { cookie, callbackUrl } = await connect();
    const state = new URL(callbackUrl).searchParams.get("state")!;
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await callback(`${APP}/api/csc/callback?error=access_denied&state=${state}`, cookie)).toBe("/chu-ky-so?csc=denied");
    } finally {
      log.mockRestore();
    }
    actor = null;
    expect(await callback(callbackUrl, cookie)).toBe("/login");
  });
});

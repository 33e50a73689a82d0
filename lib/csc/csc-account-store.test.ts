import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor } from "@/lib/test/factories";
import { KeyDecryptionError } from "@/lib/signing/key-encryption";
import { buildAuthorizationRequest } from "./build-authorization-request";
import { withAccessToken } from "./csc-account";
import { loadCscTokens, openCscAccount, saveCscTokens } from "./csc-account-store";
import { cscConfigFromEnv, type CscConfig } from "./csc-config";
import { CscError } from "./csc-error";
import { exchangeAuthorizationCode } from "./exchange-authorization-code";
import { listCredentials } from "./list-credentials";
import { listMyCscCredentials } from "./list-my-csc-credentials";
import { startCscTestServer, type CscTestServer } from "./testing/csc-test-server";

/** A person's link in the database: tokens encrypted and bound to them, refreshed tokens stored, credentials listed. */

const REDIRECT_URI = "http://localhost:3000/api/csc/callback";
let server: CscTestServer;
let config: CscConfig;

beforeAll(async () => {
  server = await startCscTestServer({ redirectUri: REDIRECT_URI });
  config = cscConfigFromEnv({ CAMKET_CSC_BASE_URL: server.baseUrl, CAMKET_CSC_CLIENT_ID: server.clientId, CAMKET_CSC_CLIENT_SECRET: server.clientSecret })!;
});
afterAll(async () => {
  await server?.close();
});

async function linkedTokens() {
  const request = buildAuthorizationRequest(config, REDIRECT_URI);
  const location = new URL((await fetch(request.url, { redirect: "manual" })).headers.get("location")!);
  return exchangeAuthorizationCode(config, { code: location.searchParams.get("code")!, redirectUri: REDIRECT_URI, codeVerifier: request.codeVerifier });
}

describe("CscAccount", () => {
  it("stores both tokens encrypted and bound to the person; another row cannot open them", async () => {
    const [alice, bob] = [await createActor("UNIT_HEAD"), await createActor("UNIT_HEAD")];
    const tokens = await linkedTokens();
    await saveCscTokens(alice.id, tokens);
    const row = await prisma.cscAccount.findUniqueOrThrow({ where: { userId: alice.id } });
    for (const secret of [tokens.accessToken, tokens.refreshToken!]) {
      expect(Buffer.from(row.encryptedAccessToken).includes(secret)).toBe(false);
      expect(Buffer.from(row.encryptedRefreshToken!).includes(secret)).toBe(false);
    }
    expect(await loadCscTokens(alice.id)).toEqual(tokens);

    // Copied into Bob's row, Alice's ciphertexts do not open.
    await prisma.cscAccount.create({ data: { userId: bob.id, encryptedAccessToken: row.encryptedAccessToken, encryptedRefreshToken: row.encryptedRefreshToken, expiresAt: row.expiresAt } });
    await expect(loadCscTokens(bob.id)).rejects.toBeInstanceOf(KeyDecryptionError);
    // Nor does the refresh token pass for the access token.
    await prisma.cscAccount.update({ where: { userId: alice.id }, data: { encryptedAccessToken: row.encryptedRefreshToken! } });
    await expect(loadCscTokens(alice.id)).rejects.toBeInstanceOf(KeyDecryptionError);
  });

  it("lists the person's credentials with the chain; a refreshed token is stored", async () => {
    const actor = await createActor("UNIT_HEAD");
    const tokens = await linkedTokens();
    await saveCscTokens(actor.id, tokens);
    server.expireAccessTokens();

    const [credential, ...others] = await listMyCscCredentials(actor, config);
    expect(others).toEqual([]);
    expect(credential).toMatchObject({ credentialId: server.credentialId, label: "Nguyễn Văn Đức", keyEnabled: true, certificateStatus: "valid", needsPin: true, needsOtp: true });
    expect(credential!.certificates.map((b64) => Buffer.from(b64, "base64"))).toEqual([Buffer.from(server.certificate), Buffer.from(server.ca.certDer)]);

    const stored = await loadCscTokens(actor.id);
    expect(stored?.accessToken).not.toBe(tokens.accessToken);
    const account = await openCscAccount(actor.id, config);
    expect(await withAccessToken(account, (token) => listCredentials(config, token))).toEqual([server.credentialId]);
  });

  it("not linked, or no provider configured: messages that say so", async () => {
    const actor = await createActor("UNIT_HEAD");
    await expect(listMyCscCredentials(actor, config)).rejects.toMatchObject({ code: "not-linked", message: expect.stringMatching(/chưa liên kết/) });
    await expect(listMyCscCredentials(actor, null)).rejects.toBeInstanceOf(CscError);
    await expect(listMyCscCredentials(actor, null)).rejects.toMatchObject({ code: "not-configured" });
  });
});

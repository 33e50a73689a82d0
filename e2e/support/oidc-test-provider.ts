/**
 * A real OpenID provider for the tests (the certified `oidc-provider` package), standing in for the province's
 * identity portal: discovery, authorization code + PKCE, signed ID tokens. Its development login form accepts
 * any password: the login typed is the account, and its e-mail claim is that login ("unverified…" logins get
 * email_verified=false).
 *
 * To test the client's checks, `POST /test/next {"mode": …}` makes the NEXT answer hostile, once:
 *   wrong-state    the redirect back carries another state;
 *   wrong-nonce    the ID token's nonce differs from the one camket sent;
 *   wrong-audience the ID token is for another client;
 *   expired        the ID token expired ten minutes ago.
 * Tampered tokens are re-signed with the provider's own key, so only the claim is wrong.
 *
 * Env: OIDC_TEST_PORT, OIDC_TEST_REDIRECT_URI (camket's /api/auth/callback/oidc), OIDC_TEST_CLIENT_ID/SECRET.
 */
import { createServer } from "node:http";
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import Provider from "oidc-provider";

const HOSTILE_MODES = ["wrong-state", "wrong-nonce", "wrong-audience", "expired"] as const;
type HostileMode = (typeof HOSTILE_MODES)[number];

export type OidcTestProviderOptions = { port: number; redirectUri: string; clientId: string; clientSecret: string };

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function resignIdToken(idToken: string, privateKey: KeyObject, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
  change(claims);
  const signingInput = `${header}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(sign("sha256", Buffer.from(signingInput), privateKey))}`;
}

export async function startOidcTestProvider(options: OidcTestProviderOptions) {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "camket-test", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [jwk] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Claims in the ID token itself: next-auth reads the person from the ID token.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: `sub-${id}`, email: id, email_verified: !id.startsWith("unverified"), name: id }),
    }),
    // A first-party client: no consent screen, like a government portal for its own staff.
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session!;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: session.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    cookies: { keys: ["camket-oidc-test-provider"] },
    features: { devInteractions: { enabled: true } },
  });
  provider.on("server_error", (_ctx, error) => console.error(`oidc-test-provider: ${error.message}`));

  let next: HostileMode | null = null;
  provider.use(async (ctx, proceed) => {
    await proceed();
    if (next === "wrong-state" && ctx.status >= 300 && ctx.status < 400) {
      const location = ctx.response.get("Location");
      if (location.startsWith(options.redirectUri)) {
        next = null;
        ctx.redirect(location.replace(/([?&]state=)[^&]*/, "$1forged-state"));
      }
    }
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && body?.id_token && next && next !== "wrong-state") {
      const mode = next;
      next = null;
      body.id_token = resignIdToken(body.id_token, privateKey, (claims) => {
        const now = Math.floor(Date.now() / 1000);
        if (mode === "wrong-nonce") claims.nonce = "forged-nonce";
        if (mode === "wrong-audience") claims.aud = "another-client";
        if (mode === "expired") Object.assign(claims, { iat: now - 900, exp: now - 600 });
      });
    }
  });

  const handle = provider.callback();
  const server = createServer((request, response) => {
    if (request.method === "POST" && request.url === "/test/next") {
      let text = "";
      request.on("data", (chunk: Buffer) => (text += chunk.toString()));
      request.on("end", () => {
        const mode = (JSON.parse(text || "{}") as { mode?: HostileMode }).mode;
        next = mode && HOSTILE_MODES.includes(mode) ? mode : null;
        response.writeHead(next ? 204 : 400).end();
      });
      return;
    }
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = process.env;
  const { issuer } = await startOidcTestProvider({
    port: Number(env.OIDC_TEST_PORT ?? 3107),
    redirectUri: env.OIDC_TEST_REDIRECT_URI ?? "http://localhost:3100/api/auth/callback/oidc",
    clientId: env.OIDC_TEST_CLIENT_ID ?? "camket",
    clientSecret: env.OIDC_TEST_CLIENT_SECRET ?? "camket-test-secret",
  });
  console.log(`oidc-test-provider listening at ${issuer}`);
}

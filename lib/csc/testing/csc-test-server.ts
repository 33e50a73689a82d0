import { createHash, randomBytes, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestCa, issueTestCertificate, type TestCa } from "@/lib/signing/testing/external-test-ca";
import { ecdsaRawToDer } from "@/lib/signing/cms-signed-data";
import { CSC_OID } from "../csc-oids";
import { createSoftHsmEcKey, type SoftHsmEcKey } from "./softhsm-ec-key";

/**
 * A small, faithful CSC API v2 remote-signing service for tests, on 127.0.0.1 and a free port: OAuth2
 * (authorization code with client secret + PKCE S256, refresh tokens, access tokens that expire), info,
 * credentials/list|info|sendOTP|authorize (PIN + OTP, SAD bound to the listed hashes and their number,
 * expiring) and signatures/signHash (CKM_ECDSA on a SoftHSM2 token; a hash the SAD did not authorize is
 * refused). Switches make it answer 500, malformed JSON, hang, or go down.
 */

/** "wrong-shape": valid JSON that is not the method's answer. */
export type CscTestServerMode = "normal" | "error-500" | "malformed-json" | "wrong-shape" | "hang";

export interface CscTestServerOptions {
  clientId?: string;
  clientSecret?: string;
  /** The only redirect_uri accepted. */
  redirectUri: string;
  /** The provider's user the authorize endpoint approves automatically. */
  userId?: string;
  pin?: string;
  accessTokenTtlSeconds?: number;
  sadTtlSeconds?: number;
  multisign?: number;
  maxHashesPerRequest?: number;
  commonName?: string;
}

export interface CscTestServer {
  /** …/csc/v2 */
  baseUrl: string;
  /** …/csc/v2/oauth2 */
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  credentialId: string;
  /** The signer's certificate and the test CA (DER), the chain credentials/info returns. */
  certificate: Uint8Array;
  ca: TestCa;
  key: SoftHsmEcKey;
  pin: string;
  /** The OTP most recently "sent" by credentials/sendOTP (single use). */
  lastOtp: string | null;
  mode: CscTestServerMode;
  /** "expired" makes credentials/info report an expired certificate. */
  certificateStatus: "valid" | "expired";
  /** Requests per path ("credentials/authorize", "oauth2/token"…). */
  calls: Record<string, number>;
  /** Hashes signed so far (base64). */
  signed: string[];
  /** Makes every access token issued so far expired. */
  expireAccessTokens(): void;
  /** Revokes every refresh token (the person unlinked camket at the provider). */
  revokeRefreshTokens(): void;
  /** Stops listening (the provider is down) but keeps the token, for a later close(). */
  goDown(): Promise<void>;
  close(): Promise<void>;
}

interface Grant {
  user: string;
  expiresAt: number;
}

export async function startCscTestServer(options: CscTestServerOptions): Promise<CscTestServer> {
  const clientId = options.clientId ?? "camket-test";
  const clientSecret = options.clientSecret ?? randomBytes(16).toString("hex");
  const user = options.userId ?? "nguyen.van.duc";
  const accessTtl = options.accessTokenTtlSeconds ?? 600;
  const sadTtl = options.sadTtlSeconds ?? 300;
  const multisign = options.multisign ?? 100;
  const maxHashes = options.maxHashesPerRequest ?? 10;
  const credentialId = `cred-${randomBytes(4).toString("hex")}`;

  const key = await createSoftHsmEcKey();
  const ca = await createTestCa("Test Remote Signing CA");
  const certificate = await issueTestCertificate(ca, key.spki, { commonName: options.commonName ?? "Nguyễn Văn Đức", extraSubject: { UID: "CCCD:079000000001" } });
  const notAfter = new Date(Date.now() + 365 * 86_400_000);

  const codes = new Map<string, { user: string; redirectUri: string; challenge: string; expiresAt: number }>();
  const accessTokens = new Map<string, Grant>();
  const refreshTokens = new Map<string, string>();
  const sads = new Map<string, { credentialId: string; remaining: string[]; expiresAt: number }>();
  const sockets = new Set<import("node:net").Socket>();

  const state: CscTestServer = {
    baseUrl: "",
    oauthUrl: "",
    clientId,
    clientSecret,
    credentialId,
    certificate,
    ca,
    key,
    pin: options.pin ?? "246810",
    lastOtp: null,
    mode: "normal",
    certificateStatus: "valid",
    calls: {},
    signed: [],
    expireAccessTokens() {
      for (const grant of accessTokens.values()) grant.expiresAt = 0;
    },
    revokeRefreshTokens() {
      refreshTokens.clear();
    },
    async goDown() {
      if (!server.listening) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async close() {
      await state.goDown();
      await key.close();
    },
  };

  const issueTokens = (grantUser: string) => {
    const accessToken = randomBytes(24).toString("base64url");
    const refreshToken = randomBytes(24).toString("base64url");
    accessTokens.set(accessToken, { user: grantUser, expiresAt: Date.now() + accessTtl * 1000 });
    refreshTokens.set(refreshToken, grantUser);
    return { access_token: accessToken, token_type: "Bearer", expires_in: accessTtl, refresh_token: refreshToken, scope: "service" };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/csc\/v2\//, "");
    state.calls[path] = (state.calls[path] ?? 0) + 1;
    const body = await readBody(request);

    if (state.mode === "hang") return; // never answers
    if (state.mode === "error-500") return send(response, 500, "<html><body>Internal Server Error at com.provider.Hsm.sign(Hsm.java:42)</body></html>", "text/html");
    if (state.mode === "malformed-json") return send(response, 200, '{"SAD": "abc", "signatures": [', "application/json");
    if (state.mode === "wrong-shape") return send(response, 200, '{"result": "ok", "signatures": "AAAA"}', "application/json");

    const json = (status: number, value: unknown) => send(response, status, JSON.stringify(value), "application/json");
    const fail = (status: number, error: string, description: string) => json(status, { error, error_description: description });

    if (request.method === "GET" && path === "oauth2/authorize") {
      const q = url.searchParams;
      if (q.get("client_id") !== clientId) return fail(400, "invalid_client", "Unknown client_id");
      if (q.get("redirect_uri") !== options.redirectUri) return fail(400, "invalid_request", "redirect_uri not registered");
      if (q.get("response_type") !== "code") return fail(400, "unsupported_response_type", "response_type must be code");
      if (q.get("code_challenge_method") !== "S256" || !q.get("code_challenge")) return fail(400, "invalid_request", "PKCE S256 required");
      const code = randomBytes(16).toString("base64url");
      codes.set(code, { user, redirectUri: options.redirectUri, challenge: q.get("code_challenge")!, expiresAt: Date.now() + 60_000 });
      const target = new URL(options.redirectUri);
      target.searchParams.set("code", code);
      if (q.get("state") !== null) target.searchParams.set("state", q.get("state")!);
      response.writeHead(302, { Location: target.toString() });
      return void response.end();
    }
    if (request.method !== "POST") return fail(405, "invalid_request", "POST only");

    if (path === "oauth2/token") {
      const form = new URLSearchParams(body);
      const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      const [basicId, basicSecret] = basic ? Buffer.from(basic, "base64").toString().split(":") : [];
      if ((form.get("client_id") ?? basicId) !== clientId || (form.get("client_secret") ?? basicSecret) !== clientSecret) {
        return fail(401, "invalid_client", "Client authentication failed");
      }
      if (form.get("grant_type") === "authorization_code") {
        const grant = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        if (!grant || grant.expiresAt < Date.now()) return fail(400, "invalid_grant", "Unknown or expired code");
        if (form.get("redirect_uri") !== grant.redirectUri) return fail(400, "invalid_grant", "redirect_uri mismatch");
        const verifier = form.get("code_verifier") ?? "";
        if (createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) return fail(400, "invalid_grant", "PKCE verification failed");
        return json(200, issueTokens(grant.user));
      }
      if (form.get("grant_type") === "refresh_token") {
        const refresh = form.get("refresh_token") ?? "";
        const grantUser = refreshTokens.get(refresh);
        if (!grantUser) return fail(400, "invalid_grant", "Refresh token revoked or expired");
        refreshTokens.delete(refresh);
        return json(200, issueTokens(grantUser));
      }
      return fail(400, "unsupported_grant_type", "Unsupported grant_type");
    }

    if (path === "info") {
      return json(200, {
        specs: "2.0.0.2",
        name: "Test Remote Signing",
        logo: "",
        region: "VN",
        lang: "vi",
        description: "Dịch vụ ký số từ xa thử nghiệm",
        authType: ["oauth2code"],
        oauth2: state.oauthUrl,
        methods: ["oauth2/authorize", "oauth2/token", "credentials/list", "credentials/info", "credentials/authorize", "credentials/sendOTP", "signatures/signHash"],
      });
    }

    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const grant = bearer ? accessTokens.get(bearer) : undefined;
    if (!grant || grant.expiresAt <= Date.now()) return fail(401, "invalid_token", "The access token is expired, revoked or invalid");
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body || "{}") as Record<string, unknown>;
    } catch {
      return fail(400, "invalid_request", "Malformed JSON");
    }
    const knownCredential = () => input.credentialID === credentialId;

    if (path === "credentials/list") return json(200, { credentialIDs: [credentialId] });
    if (path === "credentials/info") {
      if (!knownCredential()) return fail(400, "invalid_request", "Invalid parameter credentialID");
      const expired = state.certificateStatus === "expired";
      return json(200, {
        description: "Chữ ký số từ xa — thử nghiệm",
        key: { status: "enabled", algo: [CSC_OID.ecPublicKey, CSC_OID.ecdsaWithSha256], len: 256, curve: "1.2.840.10045.3.1.7" },
        cert: {
          status: expired ? "expired" : "valid",
          certificates: (input.certificates === "chain" ? [certificate, ca.certDer] : input.certificates === "none" ? [] : [certificate]).map((der) => Buffer.from(der).toString("base64")),
          issuerDN: ca.subject,
          serialNumber: "01",
          subjectDN: `CN=${options.commonName ?? "Nguyễn Văn Đức"}`,
          validFrom: "20261201000000Z",
          validTo: generalized(expired ? new Date(Date.now() - 86_400_000) : notAfter),
        },
        auth: {
          mode: "explicit",
          expression: "PIN AND OTP",
          objects: [
            { type: "Password", id: "PIN", format: "N", label: "PIN" },
            { type: "OTP", id: "OTP", format: "N", label: "OTP", generator: "sms" },
          ],
        },
        SCAL: "2",
        multisign,
        lang: "vi",
      });
    }
    if (path === "credentials/sendOTP") {
      if (!knownCredential()) return fail(400, "invalid_request", "Invalid parameter credentialID");
      state.lastOtp = String(randomInt(0, 1_000_000)).padStart(6, "0");
      return send(response, 204, "", "application/json");
    }
    if (path === "credentials/authorize") {
      if (!knownCredential()) return fail(400, "invalid_request", "Invalid parameter credentialID");
      const authData = Array.isArray(input.authData) ? (input.authData as { id?: unknown; value?: unknown }[]) : [];
      const pin = authData.find((a) => a.id === "PIN")?.value ?? input.PIN;
      const otp = authData.find((a) => a.id === "OTP")?.value ?? input.OTP;
      const hashes = input.hashes;
      if (!Array.isArray(hashes) || hashes.length === 0 || !hashes.every((h) => typeof h === "string")) return fail(400, "invalid_request", "Missing (or invalid type) array parameter hashes");
      if (input.numSignatures !== hashes.length) return fail(400, "invalid_request", "numSignatures does not match the number of hashes");
      if (hashes.length > multisign) return fail(400, "invalid_request", "numSignatures exceeds multisign");
      if (input.hashAlgorithmOID !== CSC_OID.sha256) return fail(400, "invalid_request", "Unsupported hashAlgorithmOID");
      if (state.certificateStatus !== "valid") return fail(400, "invalid_request", "The certificate has expired");
      if (pin !== state.pin) return fail(400, "invalid_pin", "The PIN is invalid");
      if (!state.lastOtp || otp !== state.lastOtp) return fail(400, "invalid_otp", "The OTP is invalid");
      state.lastOtp = null;
      const sad = randomBytes(24).toString("base64url");
      sads.set(sad, { credentialId, remaining: [...(hashes as string[])], expiresAt: Date.now() + sadTtl * 1000 });
      return json(200, { SAD: sad, expiresIn: sadTtl });
    }
    if (path === "signatures/signHash") {
      if (!knownCredential()) return fail(400, "invalid_request", "Invalid parameter credentialID");
      const sad = sads.get(String(input.SAD));
      if (!sad || sad.expiresAt <= Date.now() || sad.credentialId !== credentialId) return fail(400, "invalid_request", "Invalid SAD");
      if (input.hashAlgorithmOID !== CSC_OID.sha256) return fail(400, "invalid_request", "Unsupported hashAlgorithmOID");
      if (input.signAlgo !== CSC_OID.ecdsaWithSha256) return fail(400, "invalid_request", "Unsupported signAlgo");
      const hashes = input.hashes;
      if (!Array.isArray(hashes) || hashes.length === 0 || !hashes.every((h) => typeof h === "string")) return fail(400, "invalid_request", "Missing (or invalid type) array parameter hashes");
      if (hashes.length > maxHashes) return fail(400, "invalid_request", `At most ${maxHashes} hashes per request`);
      const remaining = [...sad.remaining];
      for (const hash of hashes as string[]) {
        const at = remaining.indexOf(hash);
        if (at < 0) return fail(400, "invalid_request", "Hash not authorized by the SAD");
        remaining.splice(at, 1);
      }
      sad.remaining = remaining;
      if (remaining.length === 0) sads.delete(String(input.SAD));
      const signatures = (hashes as string[]).map((hash) => {
        const digest = Buffer.from(hash, "base64");
        if (digest.length !== 32) throw new Error("not a SHA-256 digest");
        state.signed.push(hash);
        return Buffer.from(ecdsaRawToDer(key.signDigest(digest))).toString("base64");
      });
      return json(200, { signatures });
    }
    return fail(404, "invalid_request", `Unknown method ${path}`);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, JSON.stringify({ error: "server_error", error_description: String(error) }), "application/json");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}/csc/v2`;
  state.oauthUrl = `${state.baseUrl}/oauth2`;
  return state;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: string, type: string): void {
  response.writeHead(status, status === 204 ? {} : { "Content-Type": `${type}; charset=utf-8` });
  response.end(status === 204 ? undefined : body);
}

function generalized(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").replace(/\.\d{3}/, "");
}

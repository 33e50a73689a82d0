import hkdf from "@panva/hkdf";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// next-auth 4 derives the JWE key from the secret with HKDF on every encode and decode — on every request,
// in the sign-in gate (proxy.ts) and again in getServerSession. The key only depends on the secret and the
// salt, so it is derived once per pair and kept (a handful per process: the session salt is "").
const keys = new Map<string, Promise<Uint8Array>>();

function derivedKey(secret: JWTEncodeParams["secret"], salt = ""): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    key = hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32);
    keys.set(id, key);
  }
  return key;
}

/** next-auth's own encode (same JWE: dir + A256GCM, same claims), with the derived key cached. */
export async function encodeJwt({ token, secret, maxAge = DEFAULT_MAX_AGE_SECONDS, salt }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token ?? {})
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

/** next-auth's own decode (15 s clock tolerance, as next-auth), with the derived key cached. */
export async function decodeJwt({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

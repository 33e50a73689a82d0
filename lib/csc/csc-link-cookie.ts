import { timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The OAuth2 state and PKCE verifier between /api/csc/connect and /api/csc/callback, in an httpOnly,
 * SameSite=Lax cookie scoped to /api/csc, bound to the person who started the link and valid 10 minutes.
 */
export const CSC_LINK_COOKIE = "camket_csc_link";
export const CSC_LINK_COOKIE_MAX_AGE = 600;

const cookieSchema = z.object({ state: z.string().min(16), codeVerifier: z.string().min(43), userId: z.string().min(1), createdAt: z.number() });
export type CscLinkCookie = z.infer<typeof cookieSchema>;

export function encodeLinkCookie(value: CscLinkCookie): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeLinkCookie(text: string | undefined, now = Date.now()): CscLinkCookie | null {
  if (!text) return null;
  try {
    const parsed = cookieSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success || now - parsed.data.createdAt > CSC_LINK_COOKIE_MAX_AGE * 1000) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/** Constant-time comparison of the state the provider sent back with the one we stored. */
export function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

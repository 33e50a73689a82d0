import "server-only";
import { cookies } from "next/headers";
import type { Actor } from "@/lib/auth/find-active-user";
import { encodeSessionToken, SESSION_MAX_AGE_SECONDS, sessionCookie } from "@/lib/auth/session-cookie";

/**
 * The person has just given their second factor (or set it up): the session cookie is re-issued as complete,
 * same person and session version, so every page, action and route treats them as signed in from now.
 */
export async function completeSecondFactorSession(actor: Actor, sessionVersion: number): Promise<void> {
  const { name, options } = sessionCookie();
  const token = await encodeSessionToken({ id: actor.id, email: actor.email, fullName: actor.fullName, role: actor.role, unitId: actor.unitId, sessionVersion }, "done");
  (await cookies()).set(name, token, { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}

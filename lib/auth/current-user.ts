import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { findActiveUserById, type Actor } from "./find-active-user";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SecondFactorState } from "@/lib/second-factor/second-factor-pages";

/**
 * The signed-in user, re-read from the database on each request so a deactivated account or a changed
 * role takes effect at once (the JWT alone would keep the old role until it expires). A session whose
 * version is no longer the person's (password reset, deactivation, role change, sign-out, "sign out
 * everywhere") is a signed-out visitor, even with a validly signed cookie.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const person = await getSignedInPerson();
  // Still owing a second factor (or its set-up): signed out for every page, action and route but the two that ask for it.
  return person?.secondFactor === "done" ? person.actor : null;
});

/** The session's person whatever their second-factor state: only for /xac-thuc-hai-buoc and /tai-khoan/bao-mat. */
export const getSignedInPerson = cache(async (): Promise<{ actor: Actor; secondFactor: SecondFactorState; sessionVersion: number } | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || typeof session.user.sessionVersion !== "number") return null;
  const actor = await findActiveUserById(session.user.id, session.user.sessionVersion);
  return actor && { actor, secondFactor: session.user.secondFactor, sessionVersion: session.user.sessionVersion };
});

/** For pages: signed-out → /login, wrong role → 403. */
export async function requirePageRole(...roles: Role[]): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!roles.includes(user.role)) forbidden();
  return user;
}

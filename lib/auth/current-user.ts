import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { findActiveUserById, type Actor } from "./find-active-user";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The signed-in user, re-read from the database on each request so a deactivated account or a changed
 * role takes effect at once (the JWT alone would keep the old role until it expires). A session whose
 * version is no longer the person's (password reset, deactivation, role change, sign-out, "sign out
 * everywhere") is a signed-out visitor, even with a validly signed cookie.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || typeof session.user.sessionVersion !== "number") return null;
  return findActiveUserById(session.user.id, session.user.sessionVersion);
});

/** For pages: signed-out → /login, wrong role → 403. */
export async function requirePageRole(...roles: Role[]): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!roles.includes(user.role)) forbidden();
  return user;
}

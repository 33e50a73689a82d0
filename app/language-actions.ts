"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/forms/run-action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { localeSchema, setUserLocale } from "@/lib/users/set-user-locale";

const ONE_YEAR = 365 * 24 * 3600;

/**
 * Anyone may pick a screen language: stored on the user when signed in, and in a cookie for the login page.
 * A form action with nothing to show, so a failure is only logged (by runAction) and the page stays as it was.
 */
export async function setLocaleAction(locale: unknown): Promise<void> {
  await runAction("setLocaleAction", async () => {
    const parsed = localeSchema.safeParse(locale);
    if (!parsed.success) return { ok: false };
    const actor = await getCurrentUser();
    if (actor) await setUserLocale(actor, parsed.data);
    (await cookies()).set(LOCALE_COOKIE, parsed.data, {
      path: "/",
      maxAge: ONE_YEAR,
      sameSite: "lax",
      httpOnly: true,
      secure: process.env.NODE_ENV === "production" && process.env.NEXTAUTH_URL?.startsWith("https:"),
    });
    revalidatePath("/", "layout");
    return { ok: true };
  });
}

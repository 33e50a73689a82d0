import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { messagesFor, type Messages } from "./messages-for";

/** This request's screen language: the signed-in user's stored choice, else the visitor's cookie, else Vietnamese. */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  if (user) return user.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
});

/** For server components and route handlers: the catalogue in this request's language. */
export async function getMessages(): Promise<Messages> {
  return messagesFor(await getLocale());
}

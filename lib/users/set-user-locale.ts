import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export const localeSchema = z.enum(LOCALES);

/** Stores the screen language a signed-in person chose, so it follows them to any browser. */
export async function setUserLocale(actor: Actor, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: actor.id }, data: { locale } });
}

/**
 * At sign-in: the language this browser was showing on the login page becomes the person's choice, so
 * the app does not switch language under them. Without a choice on the login page, their stored one stays.
 */
export async function adoptLoginPageLocale(userId: string, locale: Locale | undefined): Promise<void> {
  if (!locale) return;
  await prisma.user.updateMany({ where: { id: userId, locale: { not: locale } }, data: { locale } });
}

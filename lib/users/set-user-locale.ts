import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export const localeSchema = z.enum(LOCALES);

/** Stores the screen language a signed-in person chose, so it follows them to any browser. */
export async function setUserLocale(actor: Actor, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: actor.id }, data: { locale } });
}

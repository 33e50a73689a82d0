import { DEFAULT_LOCALE, type Locale } from "./locales";
import { vi, type Messages } from "./messages/vi";
import { en } from "./messages/en";

export type { Messages };

const CATALOGUES: Record<Locale, Messages> = { vi, en };

/** The catalogue for a locale, or for a person (whose `locale` is stored on the user); Vietnamese by default. */
export function messagesFor(who?: Locale | { locale: Locale } | null): Messages {
  const locale = typeof who === "string" ? who : (who?.locale ?? DEFAULT_LOCALE);
  return CATALOGUES[locale];
}

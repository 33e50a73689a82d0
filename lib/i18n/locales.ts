/** The languages of the screens. Documents, PDFs, archive files and e-mails are always Vietnamese. */
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

/** Remembers a signed-out visitor's choice (the login page); a signed-in user's choice is stored on the user. */
export const LOCALE_COOKIE = "camket-locale";

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** BCP 47 tag for Intl formatting of numbers on screen. */
export const INTL_LOCALE: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

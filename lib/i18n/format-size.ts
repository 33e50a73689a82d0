import { INTL_LOCALE, type Locale } from "./locales";

/** "25" / "1,5" MB-style figures for messages: one decimal at most, in the reader's number format. */
export const formatMegabytes = (bytes: number, locale: Locale): string =>
  (bytes / 1024 / 1024).toLocaleString(INTL_LOCALE[locale], { maximumFractionDigits: 1 });

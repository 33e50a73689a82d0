"use client";

import { setLocaleAction } from "@/app/language-actions";
import { LOCALES } from "@/lib/i18n/locales";
import { useLocale, useMessages } from "./messages-provider";

/** Tiếng Việt | English — a plain form per language, so it also works before scripts load. */
export function LanguageSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const locale = useLocale();
  const { language } = useMessages().common;
  const colors =
    tone === "dark"
      ? "text-white aria-pressed:bg-white aria-pressed:text-brand-800 hover:bg-white/10"
      : "text-slate-700 aria-pressed:bg-brand-700 aria-pressed:text-white hover:bg-slate-100";
  return (
    <div role="group" aria-label={language.label} className="flex gap-1 text-xs">
      {LOCALES.map((option) => (
        <form key={option} action={setLocaleAction.bind(null, option)}>
          <button
            type="submit"
            lang={option}
            aria-pressed={option === locale}
            className={`rounded px-2 py-1 font-medium ${colors}`}
          >
            {language[option]}
          </button>
        </form>
      ))}
    </div>
  );
}

"use client";

import { createContext, useContext } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages-for";

const MessagesContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

/** Hands the root layout's catalogue to client components (the server chose the language). */
export function MessagesProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: React.ReactNode }) {
  return <MessagesContext.Provider value={{ locale, messages }}>{children}</MessagesContext.Provider>;
}

function useI18n() {
  const value = useContext(MessagesContext);
  if (!value) throw new Error("MessagesProvider is missing above this component");
  return value;
}

export const useMessages = (): Messages => useI18n().messages;
export const useLocale = (): Locale => useI18n().locale;

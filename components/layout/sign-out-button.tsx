"use client";

import { signOut } from "next-auth/react";
import { useMessages } from "@/components/i18n/messages-provider";

const TONES = {
  header: "border-white/40 text-white hover:bg-white/10",
  page: "border-slate-300 text-slate-700 hover:bg-slate-50",
};

/** On the dark header, or on a light page (the second-factor pages, before the app's header is shown). */
export function SignOutButton({ tone = "header" }: { tone?: keyof typeof TONES }) {
  const { header } = useMessages().common;
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className={`whitespace-nowrap rounded-md border px-3 py-1.5 text-sm font-medium ${TONES[tone]}`}
    >
      {header.signOut}
    </button>
  );
}

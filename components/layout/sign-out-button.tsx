"use client";

import { signOut } from "next-auth/react";
import { useMessages } from "@/components/i18n/messages-provider";

export function SignOutButton() {
  const { header } = useMessages().common;
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="whitespace-nowrap rounded-md border border-white/40 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10"
    >
      {header.signOut}
    </button>
  );
}

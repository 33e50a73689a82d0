"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";

/**
 * Starts next-auth's OpenID Connect sign-in (a POST with its CSRF token, then the browser goes to the
 * identity provider). With JavaScript only: a plain form POST that redirects to another origin would be
 * stopped by the page's form-action policy.
 */
export function SingleSignOnButton({ providerId, label }: { providerId: string; label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl: "/" });
      }}
      className="w-full rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60"
    >
      {label}
    </button>
  );
}

"use client";

import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { isUnavailableDigest } from "@/lib/errors/unavailable-digest";

/**
 * What every error boundary shows: "temporarily unavailable" when the database could not be reached,
 * otherwise a plain "something went wrong" with the error's digest as the reference (the same digest is
 * in the server log next to the full error). Never the error's message: in development it holds the
 * server's text, and users must not see that in any build.
 */
export function ErrorNotice({ error, retry, texts }: { error: unknown; retry: () => void; texts: Messages["common"]["errorPages"] }) {
  const digest = typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  const unavailable = isUnavailableDigest(digest);
  return (
    <section role="alert" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{unavailable ? texts.unavailableTitle : texts.errorTitle}</h1>
      <p className="mt-3 text-slate-600">{unavailable ? texts.unavailableText : formatMessage(texts.errorText, { reference: digest ?? "—" })}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
          {texts.retry}
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 text-slate-700 hover:bg-slate-50">
          {texts.home}
        </Link>
      </div>
    </section>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMessages } from "@/components/i18n/messages-provider";
import { FormMessage } from "@/components/ui/form-message";

/**
 * With JavaScript: next-auth's signIn, errors shown in place. Before (or without) JavaScript the browser
 * POSTs the same form to app/api/auth/login — never a GET, which would put the password in the URL.
 */
export function LoginForm({ initialError }: { initialError: string | null }) {
  const router = useRouter();
  const { auth } = useMessages();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : auth.invalidCredentials);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form method="post" action="/api/auth/login" onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {auth.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {auth.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-600"
        />
      </div>
      <FormMessage state={error ? { ok: false, message: error } : undefined} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? auth.submitting : auth.submit}
      </button>
    </form>
  );
}

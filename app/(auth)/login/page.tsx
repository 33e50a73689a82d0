import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/auth/roles";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { getMessages } from "@/lib/i18n/get-messages";
import { isLoginError, loginErrorMessage, type LoginError } from "@/lib/auth/sign-in-with-credentials";
import { passwordLoginEnabled, singleSignOnSettings } from "@/lib/auth/single-sign-on-settings";
import { SINGLE_SIGN_ON_PROVIDER_ID } from "@/lib/auth/single-sign-on-provider";
import { SingleSignOnButton } from "@/components/auth/single-sign-on-button";
import { formatMessage } from "@/lib/i18n/format-message";
import { FormMessage } from "@/components/ui/form-message";

/** next-auth's own error codes on the way back from the identity provider (bad state or nonce, wrong audience, expired token…). */
const NEXT_AUTH_ERRORS = new Set(["OAuthSignin", "OAuthCallback", "OAuthCreateAccount", "Callback", "OAuthAccountNotLinked", "AccessDenied", "Configuration", "Default"]);

function loginError(code: unknown): LoginError | null {
  if (isLoginError(code)) return code;
  return typeof code === "string" && NEXT_AUTH_ERRORS.has(code) ? "ssoFailed" : null;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).auth.pageTitle };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { common, auth } = await getMessages();
  // Set by the plain-HTML login (app/api/auth/login) after a failure: a code, shown as its fixed message.
  const { error } = await searchParams;
  const code = loginError(error);
  const singleSignOn = singleSignOnSettings();
  const withPassword = passwordLoginEnabled();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{common.app.city}</p>
          <h1 className="mt-1 text-2xl font-bold text-brand-800">{common.app.name}</h1>
          <p className="mt-2 text-sm text-slate-600">{auth.intro}</p>
        </div>
        {singleSignOn && (
          <div className="mb-4 space-y-3">
            <SingleSignOnButton providerId={SINGLE_SIGN_ON_PROVIDER_ID} label={formatMessage(auth.singleSignOn, { name: singleSignOn.name })} />
            {!withPassword && code && <FormMessage state={{ ok: false, message: loginErrorMessage(code, auth) }} />}
            {withPassword && <p className="text-center text-xs uppercase tracking-wide text-slate-500">{auth.or}</p>}
          </div>
        )}
        {withPassword && <LoginForm initialError={code ? loginErrorMessage(code, auth) : null} />}
        <div className="mt-4 flex justify-center">
          <LanguageSwitch />
        </div>
        <p className="mt-4 text-center text-sm">
          <a href="/ca" className="text-brand-700 hover:underline">
            {common.cityCa.link}
          </a>
        </p>
      </div>
    </main>
  );
}

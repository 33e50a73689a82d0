import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { User } from "next-auth";
import { signInWithSingleSignOn } from "./sign-in-with-single-sign-on";
import type { SingleSignOnSettings } from "./single-sign-on-settings";

export const SINGLE_SIGN_ON_PROVIDER_ID = "oidc";

/**
 * next-auth's OpenID Connect client (openid-client underneath) for the city's identity provider: discovery,
 * authorization code with PKCE, and state and nonce both checked — the ID token's signature, issuer, audience,
 * expiry and nonce are verified before `profile` ever runs. `profile` then finds the camket account; a refusal
 * travels on as a marked user that the signIn callback (auth-options) turns into the login page's message.
 */
export function singleSignOnProvider(settings: SingleSignOnSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id: SINGLE_SIGN_ON_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scope } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    async profile(claims): Promise<User> {
      const result = await signInWithSingleSignOn(claims, settings);
      if (result.ok) {
        const { id, email, fullName, role, unitId, sessionVersion } = result.user;
        return { id, email, name: fullName, role, unitId, sessionVersion };
      }
      return { id: "refused", role: "AUDITOR", unitId: null, sessionVersion: -1, refused: result.error };
    },
  };
}

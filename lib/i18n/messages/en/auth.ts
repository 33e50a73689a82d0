import type { auth as vi } from "../vi/auth";

export const auth: typeof vi = {
  pageTitle: "Sign in",
  intro: "Sign in to read and digitally sign your unit's commitment.",
  email: "Email",
  password: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  invalidCredentials: "Wrong email or password",
  locked: "Too many wrong passwords for this email from your device. Please wait a few minutes and try again.",
  unavailable: "The service is temporarily unavailable, please try again later.",
  ipThrottled: "Too many failed sign-ins from this network address. Please try again in 15 minutes.",
  passwordLoginOff: "Password sign-in is turned off. Please sign in through the identity portal.",
  singleSignOn: "Sign in with {name}",
  or: "or",
  ssoUnknown: "Your identity portal account has no access to camket. Please contact the Home Affairs office.",
  ssoDisabled: "Your camket account is disabled. Please contact the Home Affairs office.",
  ssoUnverified: "The identity portal has not verified your email address, so camket cannot tell which account is yours.",
  ssoFailed: "Signing in through the identity portal failed (an invalid or expired answer). Please try again.",
};

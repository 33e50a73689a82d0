import type { auth as vi } from "../vi/auth";

export const auth: typeof vi = {
  pageTitle: "Sign in",
  intro: "Sign in to read and digitally sign your unit's commitment.",
  email: "Email",
  password: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  invalidCredentials: "Wrong email or password",
  locked: "This account is locked after 5 wrong passwords. Please try again after {until}.",
  ipThrottled: "Too many failed sign-ins from this network address. Please try again in 15 minutes.",
};

import { appUrl } from "@/lib/reminders/app-url";

/** The redirect_uri registered at the provider: fixed, from NEXTAUTH_URL, whatever host the browser used. */
export const cscRedirectUri = () => `${appUrl().replace(/\/+$/, "")}/api/csc/callback`;

/** Where the person lands after linking, with the outcome for the page to word. */
export type CscLinkOutcome = "linked" | "not-configured" | "state-mismatch" | "denied" | "link-failed" | "provider-down";
export const CSC_RETURN_PAGE = "/chu-ky-so";
export const cscReturnPath = (outcome: CscLinkOutcome) => `${CSC_RETURN_PAGE}?csc=${outcome}`;

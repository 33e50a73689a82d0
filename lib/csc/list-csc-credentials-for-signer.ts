import "server-only";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { forbidden, type FormResult } from "@/lib/forms/form-result";
import { SIGNER_ROLES } from "@/lib/signer-certificates/external-certificate-input";
import { CscError } from "./csc-error";
import { listMyCscCredentials, type MyCscCredential } from "./list-my-csc-credentials";
import { withCscRefusal } from "./csc-refusal";

export type CscCredentialsResult = FormResult & { linked?: boolean; credentials?: MyCscCredential[] };

/** The signer's credentials at the provider; `linked: false` when their account is not linked (yet, or any more). */
export async function listCscCredentialsForSigner(actor: Actor | null): Promise<CscCredentialsResult> {
  if (!hasRole(actor, ...SIGNER_ROLES)) return forbidden(actor);
  return withCscRefusal(actor, async () => {
    try {
      return { ok: true, linked: true, credentials: await listMyCscCredentials(actor) };
    } catch (error) {
      if (error instanceof CscError && (error.code === "not-linked" || error.code === "link-expired")) return { ok: false, linked: false, message: error.messageFor(actor.locale) };
      throw error;
    }
  });
}

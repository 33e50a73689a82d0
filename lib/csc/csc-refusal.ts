import "server-only";
import type { Actor } from "@/lib/auth/find-active-user";
import { failure, type FormResult } from "@/lib/forms/form-result";
import { CscError } from "./csc-error";

/**
 * Runs a remote-signing call for a signing screen: the provider's failures (CscError) become the person's
 * words and a log line with the detail; anything else is thrown for runAction to report.
 */
export async function withCscRefusal<T extends FormResult>(actor: Pick<Actor, "locale">, work: () => Promise<T>): Promise<T | FormResult> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CscError)) throw error;
    console.warn(`[camket] remote signing: ${error.code}${error.detail ? ` (${error.detail})` : ""}`);
    return failure(error.messageFor(actor.locale));
  }
}

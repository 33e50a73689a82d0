import { unstable_rethrow } from "next/navigation";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import { reportInternalError } from "@/lib/errors/report-internal-error";
import type { FormResult } from "./form-result";

/** What runAction answers instead of a thrown error: fits a FormResult and the verifier's result alike. */
type Refusal = Required<Pick<FormResult, "message">> & { ok: false };

/**
 * The body of every server action. Expected outcomes (refusals, bad input) are FormResults the work
 * returns itself; anything thrown is turned into one here, so a person never sees a 500 or the error's
 * text: a malformed request → "invalid request", the database unreachable → "temporarily unavailable",
 * anything else → a generic message with a reference that is also in the server log. redirect() and
 * notFound() are Next's control flow, not errors, and pass through.
 */
export async function runAction<T extends { ok: boolean }>(name: string, work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    // The reader's language needs their user row; with the database down, Vietnamese (the default) it is.
    const messages = await getMessages().catch(() => messagesFor());
    if (error instanceof InvalidRequestError) {
      console.warn(`[camket] server action ${name}: ${error.message}`);
      return { ok: false, message: messages.common.errors.invalidRequest };
    }
    return { ok: false, message: reportInternalError(`server action ${name}`, error, messages).message };
  }
}

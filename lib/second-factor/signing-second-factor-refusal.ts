import type { Actor } from "@/lib/auth/find-active-user";
import { failure, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { verifySecondFactor } from "./verify-second-factor";

/**
 * Before a signature with the key camket holds, a person with a second factor gives a fresh code too (after the
 * password): a stolen session and password alone cannot sign. Null when nothing stops the signature. A missing
 * code is asked for without counting as a wrong one.
 */
export async function signingSecondFactorRefusal(actor: Actor, enabled: boolean, code: unknown, now: Date): Promise<FormResult | null> {
  if (!enabled) return null;
  const m = messagesFor(actor).secondFactor.errors;
  if (typeof code !== "string" || !code.trim()) return failure(m.required, { secondFactorCode: [m.required] });
  const check = await verifySecondFactor(actor.id, code.slice(0, 40), now);
  if (check.ok) return null;
  return failure(check.error === "invalid" ? m.signatureCode : m[check.error], { secondFactorCode: [m[check.error]] });
}

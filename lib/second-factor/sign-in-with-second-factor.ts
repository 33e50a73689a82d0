import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { verifySecondFactor } from "./verify-second-factor";

/**
 * The sign-in's second step: the code (or a recovery code) checked, a wrong, replayed or rate-limited one
 * recorded as LOGIN_FAILED with its reason, a recovery code's use recorded too (the person may want new ones).
 */
export async function signInWithSecondFactor(actor: Actor, code: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  const m = messagesFor(actor).secondFactor;
  if (typeof code !== "string" || !code.trim()) return failure(m.errors.required, { code: [m.errors.required] });
  const check = await verifySecondFactor(actor.id, code.slice(0, 40), now);
  const event = check.ok
    ? check.recoveryCodeUsed && ({ type: "SECOND_FACTOR_CHANGED", data: { change: "recoveryCodeUsed" } } as const)
    : ({ type: "LOGIN_FAILED", data: { reason: `secondFactor.${check.error}` } } as const);
  if (event) await prisma.$transaction((tx) => recordAuditEvent(tx, { ...context, actorId: actor.id, actorEmail: actor.email, ...event }));
  return check.ok ? { ok: true } : failure(m.errors[check.error], { code: [m.errors[check.error]] });
}

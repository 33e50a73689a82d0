import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { matchingStep } from "./totp-code";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";
import { openTotpSecret } from "./second-factor-secret";

const codeSchema = z.string().trim().regex(/^\d{6}$/);

/**
 * The first code from the app proves it holds the key: the factor is on from now, that code's step counts as
 * used, and ten recovery codes are made — returned this once, kept only as hashes.
 */
export async function confirmSecondFactorEnrolment(actor: Actor, code: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult & { recoveryCodes?: string[] }> {
  const m = messagesFor(actor).secondFactor;
  const typed = codeSchema.safeParse(code);
  if (!typed.success) return failure(m.errors.invalid, { code: [m.errors.invalid] });
  const pending = await prisma.secondFactor.findUnique({ where: { userId: actor.id } });
  if (!pending) return failure(m.errors.notEnrolled);
  if (pending.enabledAt) return failure(m.alreadyOn);
  const step = matchingStep(openTotpSecret(actor.id, pending.secretSealed), typed.data, now);
  if (step === null) return failure(m.errors.invalid, { code: [m.errors.invalid] });
  const recoveryCodes = newRecoveryCodes();
  const enabled = await prisma.$transaction(async (tx) => {
    const { count } = await tx.secondFactor.updateMany({
      where: { userId: actor.id, enabledAt: null },
      data: { enabledAt: now, lastUsedStep: step, recoveryCodes: recoveryCodes.map(recoveryCodeHash), failures: 0, failedSince: null },
    });
    if (count) await recordAuditEvent(tx, { ...context, actorId: actor.id, actorEmail: actor.email, type: "SECOND_FACTOR_CHANGED", data: { change: "enabled" } });
    return count > 0;
  });
  if (!enabled) return failure(m.alreadyOn);
  return { ok: true, message: m.enabled, recoveryCodes };
}

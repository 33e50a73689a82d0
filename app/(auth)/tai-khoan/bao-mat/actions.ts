"use server";

import { getCurrentUser, getSignedInPerson } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { forbidden, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { confirmSecondFactorEnrolment } from "@/lib/second-factor/confirm-second-factor-enrolment";
import { changeSecondFactor } from "@/lib/second-factor/change-second-factor";
import { completeSecondFactorSession } from "@/lib/second-factor/complete-second-factor-session";

type CodeResult = FormResult & { recoveryCodes?: string[] };

/**
 * Turning the factor on: also for a session sent here to set it up (state `enrol`) — the code just given is its
 * second factor, so that session is complete from now. A session still owing a code cannot enrol anew.
 */
export async function confirmEnrolmentAction(_prev: CodeResult, formData: FormData): Promise<CodeResult> {
  return runAction("confirmEnrolmentAction", async () => {
    const form = readForm(formData);
    const person = await getSignedInPerson();
    if (!person || person.secondFactor === "pending") return forbidden(person?.actor);
    const result = await confirmSecondFactorEnrolment(person.actor, form.get("code"), await auditContextFor(person.actor));
    if (result.ok && person.secondFactor === "enrol") await completeSecondFactorSession(person.actor, person.sessionVersion);
    return result;
  });
}

export async function renewRecoveryCodesAction(_prev: CodeResult, formData: FormData): Promise<CodeResult> {
  return runAction("renewRecoveryCodesAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    if (!actor) return forbidden(actor);
    return changeSecondFactor(actor, "renewRecoveryCodes", form.get("code"), await auditContextFor(actor));
  });
}

export async function disableSecondFactorAction(_prev: CodeResult, formData: FormData): Promise<CodeResult> {
  return runAction("disableSecondFactorAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    if (!actor) return forbidden(actor);
    return changeSecondFactor(actor, "disable", form.get("code"), await auditContextFor(actor));
  });
}

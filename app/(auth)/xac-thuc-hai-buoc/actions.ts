"use server";

import { redirect } from "next/navigation";
import { getSignedInPerson } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/auth/roles";
import { auditContextFor } from "@/lib/audit/request-context";
import { forbidden, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { signInWithSecondFactor } from "@/lib/second-factor/sign-in-with-second-factor";
import { completeSecondFactorSession } from "@/lib/second-factor/complete-second-factor-session";

/** The sign-in's second step: only for a session that owes it; on success the session is complete. */
export async function verifySecondFactorAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("verifySecondFactorAction", async () => {
    const form = readForm(formData);
    const person = await getSignedInPerson();
    if (person?.secondFactor !== "pending") return forbidden(person?.actor);
    const result = await signInWithSecondFactor(person.actor, form.get("code"), await auditContextFor(person.actor));
    if (!result.ok) return result;
    await completeSecondFactorSession(person.actor, person.sessionVersion);
    redirect(ROLE_HOME[person.actor.role]);
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { grantDelegation } from "@/lib/delegations/grant-delegation";
import { revokeDelegation } from "@/lib/delegations/revoke-delegation";

/** A refused grant hands back what was typed, so the form shows it again instead of emptying itself. */
export async function grantDelegationAction(_prev: FormResult, formData: FormData): Promise<FormResult & { values?: Record<string, string> }> {
  return runAction("grantDelegationAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const values = formDataToObject(form);
    const result = await grantDelegation(actor, values, await auditContextFor(actor));
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
    revalidatePath("/quan-tri/uy-quyen");
    return { ok: true, message: result.message };
  });
}

export async function revokeDelegationAction(delegationId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("revokeDelegationAction", async () => {
    const actor = await getCurrentUser();
    const result = await revokeDelegation(actor, { delegationId }, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/uy-quyen");
    return result;
  });
}

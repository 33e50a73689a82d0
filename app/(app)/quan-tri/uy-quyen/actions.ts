"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { grantDelegation } from "@/lib/delegations/grant-delegation";
import { revokeDelegation } from "@/lib/delegations/revoke-delegation";

export async function grantDelegationAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("grantDelegationAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await grantDelegation(actor, formDataToObject(form), await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/uy-quyen");
    return { ok: result.ok, message: result.message, fieldErrors: result.fieldErrors };
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

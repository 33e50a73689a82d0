"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { forbidden, formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

export async function verifyAuditChainAction(): Promise<FormResult> {
  return runAction("verifyAuditChainAction", async () => {
    const actor = await getCurrentUser();
    const report = await verifyAuditChain(actor);
    return report ? { ok: report.ok, message: report.message } : forbidden(actor);
  });
}

export async function createApiTokenAction(_prev: FormResult & { token?: string }, formData: FormData): Promise<FormResult & { token?: string }> {
  return runAction("createApiTokenAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    // Scopes are checkboxes: every ticked value, not the last one.
    const result = await createApiToken(actor, { ...formDataToObject(form), scopes: form.getAll("scopes") }, await auditContextFor(actor));
    if (result.ok) revalidatePath("/luu-tru");
    return result;
  });
}

export async function revokeApiTokenAction(tokenId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("revokeApiTokenAction", async () => {
    const actor = await getCurrentUser();
    const result = await revokeApiToken(actor, tokenId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/luu-tru");
    return result;
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { revokeCertificate } from "@/lib/signatures/revoke-certificate";
import { issueCertificateForUser } from "@/lib/signatures/issue-certificate-for-user";

export async function revokeCertificateAction(certificateId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("revokeCertificateAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await revokeCertificate(actor, { ...formDataToObject(form), certificateId }, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/chung-thu");
    return result;
  });
}

export async function issueCertificateAction(userId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("issueCertificateAction", async () => {
    const actor = await getCurrentUser();
    const result = await issueCertificateForUser(actor, userId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    return result;
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { declineAssignment } from "@/lib/signatures/decline-assignment";

export async function signAssignmentAction(assignmentId: string, reviewedSha256: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("signAssignmentAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await signAssignment(
      actor,
      { assignmentId, reviewedSha256, password: form.get("password"), signatureImage: form.get("signatureImage"), secondFactorCode: form.get("secondFactorCode") },
      await auditContextFor(actor),
    );
    if (result.ok) revalidatePath(`/cam-ket/${assignmentId}`);
    return result;
  });
}

export async function declineAssignmentAction(assignmentId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("declineAssignmentAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await declineAssignment(actor, assignmentId, { reason: form.get("reason") }, await auditContextFor(actor));
    if (result.ok) revalidatePath(`/cam-ket/${assignmentId}`);
    return result;
  });
}

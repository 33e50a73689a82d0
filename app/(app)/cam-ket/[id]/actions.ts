"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { declineAssignment } from "@/lib/signatures/decline-assignment";

export async function signAssignmentAction(assignmentId: string, reviewedSha256: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const actor = await getCurrentUser();
  const result = await signAssignment(
    actor,
    { assignmentId, reviewedSha256, password: formData.get("password"), signatureImage: formData.get("signatureImage") },
    await auditContextFor(actor),
  );
  if (result.ok) revalidatePath(`/cam-ket/${assignmentId}`);
  return result;
}

export async function declineAssignmentAction(assignmentId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const actor = await getCurrentUser();
  const result = await declineAssignment(actor, assignmentId, { reason: formData.get("reason") }, await auditContextFor(actor));
  if (result.ok) revalidatePath(`/cam-ket/${assignmentId}`);
  return result;
}

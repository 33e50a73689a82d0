"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { runAction } from "@/lib/forms/run-action";
import { startCountersigning } from "@/lib/signatures/countersign-assignment";
import { countersignAssignments, type CountersignChunkResult } from "@/lib/signatures/countersign-assignments";
import { reissueAssignment } from "@/lib/signatures/reissue-assignment";
import { sendReminders } from "@/lib/reminders/send-reminders";

export async function startCountersigningAction(password: string, secondFactorCode?: string): Promise<FormResult & { grant?: string }> {
  return runAction("startCountersigningAction", async () => startCountersigning(await getCurrentUser(), password, secondFactorCode));
}

/** One chunk (≤ COUNTERSIGN_CHUNK) per call, so the screen can show progress; the grant stands for the password. */
export async function countersignChunkAction(assignmentIds: string[], grant: string, signatureImage: string): Promise<CountersignChunkResult> {
  return runAction("countersignChunkAction", async () => {
    const actor = await getCurrentUser();
    // The image is required (lib/signatures/countersign-assignments), whatever a client sends.
    return countersignAssignments(actor, { assignmentIds, grant, signatureImage }, await auditContextFor(actor));
  });
}

export async function reissueAssignmentAction(assignmentId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("reissueAssignmentAction", async () => {
    const actor = await getCurrentUser();
    const result = await reissueAssignment(actor, assignmentId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/", "layout");
    return result;
  });
}

export async function remindAction(campaignId: string, assignmentId: string | null, _prev: FormResult): Promise<FormResult> {
  return runAction("remindAction", async () => {
    const actor = await getCurrentUser();
    return sendReminders(actor, { campaignId, assignmentIds: assignmentId ? [assignmentId] : undefined }, { context: await auditContextFor(actor) });
  });
}

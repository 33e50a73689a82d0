"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { closeCampaign } from "@/lib/campaigns/close-campaign";
import { reopenAssignment } from "@/lib/campaigns/reopen-assignment";

/** The admin's campaign page and the chairperson's dashboard: close the campaign (after a confirmation box). */
export async function closeCampaignAction(campaignId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("closeCampaignAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await closeCampaign(actor, { ...formDataToObject(form), campaignId }, await auditContextFor(actor));
    if (result.ok) revalidatePath("/", "layout");
    return result;
  });
}

/** The chairperson, on a unit's page: reopen its assignment for signing after the deadline. */
export async function reopenAssignmentAction(assignmentId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("reopenAssignmentAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await reopenAssignment(actor, { ...formDataToObject(form), assignmentId }, await auditContextFor(actor));
    if (result.ok) revalidatePath(`/theo-doi/don-vi/${assignmentId}`);
    return result;
  });
}

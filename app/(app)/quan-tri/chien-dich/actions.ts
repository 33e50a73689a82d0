"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { campaignFormToInput } from "@/lib/campaigns/campaign-schemas";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";

export async function createCampaignAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("createCampaignAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await createCampaign(actor, campaignFormToInput(form), await auditContextFor(actor));
    if (!result.ok) return result;
    revalidatePath("/quan-tri/chien-dich");
    redirect(`/quan-tri/chien-dich/${result.id}`);
  });
}

export async function launchCampaignAction(campaignId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("launchCampaignAction", async () => {
    const actor = await getCurrentUser();
    const result = await launchCampaign(actor, campaignId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/", "layout");
    return result;
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { saveTemplateDraft, startDraftFrom } from "@/lib/templates/save-template-draft";
import { publishTemplateVersion } from "@/lib/templates/publish-template-version";
import { templateFormToContent } from "@/lib/templates/template-form";

export async function saveTemplateDraftAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("saveTemplateDraftAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await saveTemplateDraft(actor, templateFormToContent(form), await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/mau-cam-ket", "layout");
    return result;
  });
}

export async function startDraftAction(versionId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("startDraftAction", async () => {
    const actor = await getCurrentUser();
    const result = await startDraftFrom(actor, versionId, await auditContextFor(actor));
    if (!result.ok || !("id" in result) || !result.id) return result;
    redirect(`/quan-tri/mau-cam-ket/${result.id}`);
  });
}

export async function publishTemplateAction(versionId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("publishTemplateAction", async () => {
    const actor = await getCurrentUser();
    const result = await publishTemplateVersion(actor, versionId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/mau-cam-ket", "layout");
    return result;
  });
}

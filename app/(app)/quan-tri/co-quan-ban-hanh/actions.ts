"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/find-active-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { failure, forbidden, formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { messagesFor } from "@/lib/i18n/messages-for";
import { saveIssuingBody } from "@/lib/issuing-bodies/save-issuing-body";
import { setIssuingBodyActive } from "@/lib/issuing-bodies/set-issuing-body-active";
import { uploadSeal } from "@/lib/issuing-bodies/upload-seal";
import { MAX_SEAL_BYTES } from "@/lib/issuing-bodies/seal-image";
import { setNextNumber } from "@/lib/issuing-bodies/set-next-number";

// Each action: who is asking (from the session), then the lib operation, which checks the role itself
// and validates the input. Nothing here trusts the form.

export async function saveIssuingBodyAction(bodyId: string | undefined, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("saveIssuingBodyAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await saveIssuingBody(actor, formDataToObject(form), bodyId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    if (result.ok && bodyId === undefined) redirect(`/quan-tri/co-quan-ban-hanh/${result.id}`);
    return result;
  });
}

export async function setIssuingBodyActiveAction(bodyId: string, active: boolean, _prev: FormResult): Promise<FormResult> {
  return runAction("setIssuingBodyActiveAction", async () => {
    const actor = await getCurrentUser();
    const result = await setIssuingBodyActive(actor, bodyId, active, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    return result;
  });
}

export async function uploadSealAction(bodyId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("uploadSealAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    // The role is checked before the upload is read, and again by uploadSeal.
    if (!hasRole(actor, "ADMIN")) return forbidden(actor);
    const file = form.get("seal");
    const { seal } = messagesFor(actor).bodies;
    if (!(file instanceof File) || file.size === 0) return failure(seal.missing, { seal: [seal.missing] });
    if (file.size > MAX_SEAL_BYTES) return failure(seal.tooLarge, { seal: [seal.tooLarge] });
    const result = await uploadSeal(actor, bodyId, new Uint8Array(await file.arrayBuffer()), await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/co-quan-ban-hanh", "layout");
    return result;
  });
}

export async function setNextNumberAction(bodyId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("setNextNumberAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await setNextNumber(actor, bodyId, formDataToObject(form), await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/co-quan-ban-hanh", "layout");
    return result;
  });
}

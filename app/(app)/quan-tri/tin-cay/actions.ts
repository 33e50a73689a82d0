"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/find-active-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { failure, forbidden, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { messagesFor } from "@/lib/i18n/messages-for";
import { addTrustAnchor, MAX_UPLOAD_BYTES } from "@/lib/trust/add-trust-anchor";
import { setTrustAnchorEnabled } from "@/lib/trust/set-trust-anchor-enabled";

// The role is checked here before the upload is read, and again by each lib/trust operation.

export async function addTrustAnchorAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("addTrustAnchorAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    if (!hasRole(actor, "ADMIN")) return forbidden(actor);
    const file = form.get("file");
    const pasted = form.get("pem");
    let upload: Uint8Array | string = typeof pasted === "string" ? pasted : "";
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_UPLOAD_BYTES) return failure(messagesFor(actor).admin.trustList.tooLarge);
      upload = new Uint8Array(await file.arrayBuffer());
    }
    const result = await addTrustAnchor(actor, upload, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/tin-cay");
    return { ok: result.ok, message: result.message };
  });
}

export async function setTrustAnchorEnabledAction(anchorId: string, enabled: boolean, _prev: FormResult): Promise<FormResult> {
  return runAction("setTrustAnchorEnabledAction", async () => {
    const actor = await getCurrentUser();
    const result = await setTrustAnchorEnabled(actor, anchorId, enabled, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri/tin-cay");
    return result;
  });
}

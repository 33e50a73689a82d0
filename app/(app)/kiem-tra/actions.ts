"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { messagesFor } from "@/lib/i18n/messages-for";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { verifyUploadedPdf, type PdfVerification } from "@/lib/verification/verify-uploaded-pdf";

export async function verifyPdfAction(_prev: PdfVerification | null, formData: FormData): Promise<PdfVerification> {
  return runAction("verifyPdfAction", async () => {
    const file = readForm(formData).get("file");
    const actor = await getCurrentUser();
    if (!(file instanceof File) || (file.size === 0 && !file.name)) return { ok: false, message: messagesFor(actor).verification.errors.noFile };
    return verifyUploadedPdf(actor, new Uint8Array(await file.arrayBuffer()), file.name.slice(0, 200));
  });
}

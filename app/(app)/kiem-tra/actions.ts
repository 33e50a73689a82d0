"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { messagesFor } from "@/lib/i18n/messages-for";
import { verifyUploadedPdf, type PdfVerification } from "@/lib/verification/verify-uploaded-pdf";

export async function verifyPdfAction(_prev: PdfVerification | null, formData: FormData): Promise<PdfVerification> {
  const actor = await getCurrentUser();
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return { ok: false, message: messagesFor(actor).verification.errors.noFile };
  return verifyUploadedPdf(actor, new Uint8Array(await file.arrayBuffer()), file.name.slice(0, 200));
}

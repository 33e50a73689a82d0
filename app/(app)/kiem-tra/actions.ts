"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { verifyUploadedPdf, type PdfVerification } from "@/lib/verification/verify-uploaded-pdf";

export async function verifyPdfAction(_prev: PdfVerification | null, formData: FormData): Promise<PdfVerification> {
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return { ok: false, message: "Hãy chọn tệp PDF cần kiểm tra." };
  return verifyUploadedPdf(await getCurrentUser(), new Uint8Array(await file.arrayBuffer()), file.name.slice(0, 200));
}

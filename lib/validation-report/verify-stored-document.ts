import type { Actor } from "@/lib/auth/find-active-user";
import { verifyUploadedPdf, type PdfVerification } from "@/lib/verification/verify-uploaded-pdf";

/**
 * The one verifier (/kiem-tra's) run over a stored version's bytes, for the requesting actor but worded in
 * Vietnamese: the report is an official record, whatever the reader's screen language.
 */
export function verifyStoredDocument(actor: Actor, bytes: Uint8Array, fileName: string): Promise<PdfVerification> {
  return verifyUploadedPdf({ ...actor, locale: "vi" }, bytes, fileName);
}

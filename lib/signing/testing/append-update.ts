import { PDFDocument } from "@cantoo/pdf-lib";

/** `pdf` plus one incremental update made by `edit`, the way a PDF editor appends one after signing. */
export async function appendUpdate(pdf: Uint8Array, edit: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  edit(doc);
  return doc.save({ useObjectStreams: false });
}

import { PDFDocument } from "@cantoo/pdf-lib";

/**
 * `pdf` plus one incremental update made by `edit`, the way a PDF editor appends one after signing; with
 * `compressed`, the update's objects go into an object stream listed by a cross-reference stream.
 */
export async function appendUpdate(pdf: Uint8Array, edit: (doc: PDFDocument) => void, compressed = false): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  edit(doc);
  return doc.save({ useObjectStreams: compressed });
}

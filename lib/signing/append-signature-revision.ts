import { createHash } from "node:crypto";
import { referenceOf } from "./pdf-dictionary";
import { decodeTextString, hexTextString } from "./pdf-text-string";
import { IncrementalUpdate } from "./incremental-update";
import { PdfForUpdate, type PdfObject } from "./read-pdf-for-update";
import { num, writeSignatureStamp, type SignatureAppearance, type SignatureSlot } from "./draw-signature-stamp";
import type { PreparedSignature } from "./pdf-signature-placeholder";
import { UnsignablePdfError } from "./unsignable-pdf-error";

export interface SignatureRevisionInput {
  pdf: Uint8Array;
  /** Unique per document, e.g. "NguoiCamKet" / "ChuTichXacNhan". */
  fieldName: string;
  slot: SignatureSlot;
  appearance: SignatureAppearance;
  /** Signature dictionary entries besides /ByteRange and /Contents, as PDF syntax ("/SubFilter /ETSI.CAdES.detached"). */
  signatureEntries: string[];
  /** Bytes of CMS /Contents can hold. */
  capacity: number;
}

/** Wide enough for any offset below 10 GB; the real range is written over it, space-padded. */
const BYTE_RANGE_PLACEHOLDER = "[0 0000000000 0000000000 0000000000]";

/**
 * The first phase of a PAdES signature: a new incremental revision holding the signature field (merged with
 * its widget and visible stamp) added to the page's /Annots and the AcroForm, a signature dictionary with
 * its final /ByteRange and a zero-filled /Contents, and the SHA-256 of the signed ranges. Filling /Contents
 * (`writeContents`) is the second phase; whoever holds the key can do it later, elsewhere.
 */
export async function appendSignatureRevision(input: SignatureRevisionInput): Promise<PreparedSignature> {
  const pdf = new PdfForUpdate(input.pdf);
  const page = pdf.page(input.slot.page);
  const catalog = pdf.catalog();
  const acroFormValue = catalog.value.entries.get("AcroForm");
  const acroForm = pdf.dictionary(acroFormValue);
  if (acroFormValue !== undefined && !acroForm) throw new UnsignablePdfError("damaged", "the AcroForm is unreadable");
  const fieldsValue = acroForm?.entries.get("Fields");
  const fields = pdf.fieldObjects(pdf.references(fieldsValue));
  if (fields.some((field) => decodeTextString(field.value.entries.get("T")) === input.fieldName)) {
    throw new UnsignablePdfError("field-exists", `the PDF already has a field named ${input.fieldName}`);
  }

  const update = new IncrementalUpdate(pdf);
  const appearance = await writeSignatureStamp(update, input.slot, input.appearance, (baseFont) => stampFontIn(pdf, fields, baseFont));
  const signature = update.allocate();
  const dictionary = `<< /Type /Sig ${input.signatureEntries.join(" ")} /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <${"0".repeat(input.capacity * 2)}> >>`;
  const signatureAt = update.writeObject(signature, dictionary);
  const widget = update.allocate();
  const { x, y, width, height } = input.slot;
  update.writeObject(
    widget,
    `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${hexTextString(input.fieldName)} /V ${signature} 0 R ` +
      `/Rect [ ${num(x)} ${num(y)} ${num(x + width)} ${num(y + height)} ] /F 4 /P ${page.number} ${page.generation} R /AP << /N ${appearance} 0 R >> >>`,
  );
  const widgetRef = `${widget} 0 R`;

  // The page lists the widget among its annotations, in place or in the array object it points at.
  const pageEntries = new Map(page.value.entries);
  pageEntries.set("Annots", appendReference(pdf, update, pageEntries.get("Annots"), widgetRef));
  update.writeObject(page.number, dictionaryText(pageEntries), undefined, page.generation);

  // The AcroForm names the field and says signatures exist and the file is append-only (/SigFlags 3).
  const formEntries = new Map(acroForm?.entries);
  formEntries.set("Fields", appendReference(pdf, update, fieldsValue, widgetRef));
  formEntries.set("SigFlags", "3");
  if (acroForm?.object) {
    update.writeObject(acroForm.object.number, dictionaryText(formEntries), undefined, acroForm.object.generation);
  } else {
    const catalogEntries = new Map(catalog.value.entries);
    if (acroForm) catalogEntries.set("AcroForm", dictionaryText(formEntries));
    else {
      const number = update.allocate();
      update.writeObject(number, dictionaryText(formEntries));
      catalogEntries.set("AcroForm", `${number} 0 R`);
    }
    update.writeObject(catalog.number, dictionaryText(catalogEntries), undefined, catalog.generation);
  }

  const bytes = update.finish();
  const contentsStart = signatureAt + dictionary.lastIndexOf("/Contents <") + "/Contents ".length;
  const contentsEnd = contentsStart + 2 * input.capacity + 2;
  const byteRange: PreparedSignature["byteRange"] = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  bytes.write(`[${byteRange.join(" ")}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length), signatureAt + dictionary.indexOf(BYTE_RANGE_PLACEHOLDER), "latin1");
  // Hashed in place: the two ranges are never copied out of the file.
  const contentDigest = createHash("sha256").update(bytes.subarray(0, contentsStart)).update(bytes.subarray(contentsEnd)).digest();
  return { bytes, byteRange, contentsHexStart: contentsStart + 1, capacity: input.capacity, contentDigest };
}

/**
 * `value` (an inline array, a reference to an array object, or absent) with `reference` appended. An array
 * object gets a new version in the update and the value stays the same reference.
 */
function appendReference(pdf: PdfForUpdate, update: IncrementalUpdate, value: string | undefined, reference: string): string {
  if (value === undefined) return `[ ${reference} ]`;
  const target = referenceOf(value);
  if (target === undefined) {
    if (!value.startsWith("[")) throw new UnsignablePdfError("damaged", `expected an array, found ${value.slice(0, 40)}`);
    return withReference(value, reference);
  }
  const array: PdfObject | undefined = pdf.object(target);
  if (array?.value.kind !== "array") throw new UnsignablePdfError("damaged", `object ${target} should be an array`);
  update.writeObject(array.number, withReference(array.value.normalized, reference), undefined, array.generation);
  return value;
}

/** A reference to the font named `baseFont` in the appearance of one of the document's fields (an earlier signature's stamp). */
function stampFontIn(pdf: PdfForUpdate, fields: PdfObject[], baseFont: string): string | undefined {
  for (const field of fields) {
    const appearance = pdf.object(referenceOf(pdf.dictionary(field.value.entries.get("AP"))?.entries.get("N")));
    const fonts = pdf.dictionary(pdf.dictionary(appearance?.value.entries.get("Resources"))?.entries.get("Font"));
    for (const value of fonts?.entries.values() ?? []) {
      if (pdf.object(referenceOf(value))?.value.entries.get("BaseFont") === `/${baseFont}`) return value;
    }
  }
  return undefined;
}

/** A normalised array ("[ … ]") with one more element. */
const withReference = (array: string, reference: string) => `${array.slice(0, array.lastIndexOf("]"))}${reference} ]`;

/** A dictionary from its normalised entries (as `parsePdfValue` reads them). */
const dictionaryText = (entries: Map<string, string>) => `<< ${[...entries].map(([key, value]) => `/${key} ${value}`).join(" ")} >>`;

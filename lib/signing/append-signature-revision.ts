import { createHash } from "node:crypto";
import { referenceOf } from "./pdf-dictionary";
import { decodeTextString, hexTextString } from "./pdf-text-string";
import { IncrementalUpdate } from "./incremental-update";
import { PdfForUpdate, type PdfObject } from "./read-pdf-for-update";
import { num, writeSignatureStamp, type SignatureAppearance, type SignatureSlot } from "./draw-signature-stamp";
import { writeTextLine, type TextLineAppearance } from "./draw-text-line";
import type { PreparedSignature } from "./pdf-signature-placeholder";
import { UnsignablePdfError } from "./unsignable-pdf-error";

export interface SignatureRevisionInput {
  pdf: Uint8Array;
  /** Unique per document, e.g. "NguoiCamKet" / "ChuTichXacNhan". */
  fieldName: string;
  /** Where the stamp goes and what it shows; absent, the field is invisible (a document timestamp, PAdES B-LTA). */
  stamp?: { slot: SignatureSlot; appearance: SignatureAppearance };
  /** /Sig (a signature) or /DocTimeStamp (ISO 32000-2 §12.8.5: an RFC 3161 token over the whole file). */
  dictionaryType?: "Sig" | "DocTimeStamp";
  /** Signature dictionary entries besides /Type, /ByteRange and /Contents, as PDF syntax ("/SubFilter /ETSI.CAdES.detached"). */
  signatureEntries: string[];
  /** Bytes of CMS /Contents can hold. */
  capacity: number;
  /**
   * More widgets of the same signature field, filled in and signed by this revision (the issuance's number
   * and date lines): kids of one field, so every verifier counts them as part of this signature.
   */
  extraWidgets?: { slot: SignatureSlot; appearance: TextLineAppearance }[];
}

/** An invisible field's widget: on the first page, zero-sized, no appearance (ISO 32000-1 §12.7.4.5). */
const INVISIBLE = { slot: { page: 0, x: 0, y: 0, width: 0, height: 0 } };

/** Wide enough for any offset below 10 GB; the real range is written over it, space-padded. */
const BYTE_RANGE_PLACEHOLDER = "[0 0000000000 0000000000 0000000000]";

/**
 * The first phase of a PAdES signature: a new incremental revision holding the signature field (merged with
 * its widget and visible stamp, or with extra widgets as its kids) added to the pages' /Annots and the AcroForm, a signature dictionary with
 * its final /ByteRange and a zero-filled /Contents, and the SHA-256 of the signed ranges. Filling /Contents
 * (`writeContents`) is the second phase; whoever holds the key can do it later, elsewhere.
 */
export async function appendSignatureRevision(input: SignatureRevisionInput): Promise<PreparedSignature> {
  const pdf = new PdfForUpdate(input.pdf);
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
  // The extra widgets' text and the stamp share one font object: whichever writes it first, the rest point at it.
  const written = new Map<string, string>();
  const fontIn = (baseFont: string) => stampFontIn(pdf, fields, baseFont) ?? written.get(baseFont);
  const widgets: { slot: SignatureSlot; appearance?: number }[] = [];
  for (const extra of input.extraWidgets ?? []) {
    const appearance = await writeTextLine(update, extra.slot, extra.appearance, (font) => {
      const reference = fontIn(font.baseFont) ?? `${font.template.writeTo(update)} 0 R`;
      written.set(font.baseFont, reference);
      return reference;
    });
    widgets.push({ slot: extra.slot, appearance });
  }
  widgets.unshift(input.stamp ? { slot: input.stamp.slot, appearance: await writeSignatureStamp(update, input.stamp.slot, input.stamp.appearance, fontIn) } : INVISIBLE);
  const signature = update.allocate();
  const dictionary = `<< /Type /${input.dictionaryType ?? "Sig"} ${input.signatureEntries.join(" ")} /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <${"0".repeat(input.capacity * 2)}> >>`;
  const signatureAt = update.writeObject(signature, dictionary);
  const fieldEntries = `/FT /Sig /T ${hexTextString(input.fieldName)} /V ${signature} 0 R`;
  const widgetEntries = ({ slot, appearance }: (typeof widgets)[number], merged = "") => {
    const page = pdf.page(slot.page);
    const { x, y, width, height } = slot;
    const shown = appearance === undefined ? "" : ` /AP << /N ${appearance} 0 R >>`;
    return `/Type /Annot /Subtype /Widget ${merged}/Rect [ ${num(x)} ${num(y)} ${num(x + width)} ${num(y + height)} ] /F 4 /P ${page.number} ${page.generation} R${shown}`;
  };
  // One widget: the field and its widget are one object. More: the field's /Kids, each on its own page. The
  // kids carry /FT and /V themselves and no /Parent: poppler (pdfsig 22.12) reads a kid with /Parent as a
  // child field whose /V it does not inherit, and lists it as an unsigned signature (docs/decisions/011).
  const field = update.allocate();
  const widgetNumbers = widgets.length === 1 ? [field] : widgets.map(() => update.allocate());
  if (widgets.length === 1) update.writeObject(field, `<< ${widgetEntries(widgets[0]!, `${fieldEntries} `)} >>`);
  else {
    update.writeObject(field, `<< ${fieldEntries} /Kids [ ${widgetNumbers.map((n) => `${n} 0 R`).join(" ")} ] >>`);
    widgets.forEach((widget, i) => update.writeObject(widgetNumbers[i]!, `<< ${widgetEntries(widget)} /FT /Sig /V ${signature} 0 R >>`));
  }
  const fieldRef = `${field} 0 R`;

  // Each page lists its widgets among its annotations, in place or in the array object it points at.
  for (const index of new Set(widgets.map((w) => w.slot.page))) {
    const page = pdf.page(index);
    const references = widgetNumbers.filter((_, i) => widgets[i]!.slot.page === index).map((n) => `${n} 0 R`);
    const pageEntries = new Map(page.value.entries);
    pageEntries.set("Annots", appendReference(pdf, update, pageEntries.get("Annots"), references.join(" ")));
    update.writeObject(page.number, dictionaryText(pageEntries), undefined, page.generation);
  }

  // The AcroForm names the field and says signatures exist and the file is append-only (/SigFlags 3).
  const formEntries = new Map(acroForm?.entries);
  formEntries.set("Fields", appendReference(pdf, update, fieldsValue, fieldRef));
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

import {
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFRef,
} from "@cantoo/pdf-lib";
import { copyInto, stampFont, stampImage } from "./appearance-resources";
import {
  BYTE_RANGE_PLACEHOLDER,
  contentsPlaceholderHex,
  fillByteRange,
  signatureCapacity,
  signedRangesContent,
  writeContents,
} from "./pdf-signature-placeholder";
import type { Signer } from "./signer";
import { addSignatureTimestamp } from "./timestamp";

/** Where the visible signature goes, in PDF points from the page's lower-left corner; `page` is 0-based. */
export interface SignatureSlot {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SignatureAppearance {
  /** The hand-drawn signature (already blue), scaled into the space above the text. */
  imagePng?: Uint8Array;
  /** Full name, title, unit, "Ký số lúc hh:mm:ss dd/mm/yyyy (+07:00)". */
  lines: string[];
}

export interface SignPdfOptions {
  pdf: Uint8Array;
  signer: Signer;
  /** Unique per document, e.g. "NguoiCamKet" / "ChuTichXacNhan". */
  fieldName: string;
  slot: SignatureSlot;
  appearance: SignatureAppearance;
  signingTime: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  name?: string;
  /** RFC 3161 time-stamping authority: makes the signature PAdES B-T. */
  tsaUrl?: string;
}

const FONT_SIZE = 10;
const MIN_FONT_SIZE = 6;
const LINE_HEIGHT = 1.2;
const PADDING = 2;

/**
 * Adds a visible PAdES signature as a new incremental revision: earlier revisions (and their
 * signatures) stay byte-for-byte intact, so the same call signs and countersigns.
 */
export async function signPdf(options: SignPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(options.pdf, { forIncrementalUpdate: true, updateMetadata: false });
  const page = doc.getPage(options.slot.page);
  const acroForm = doc.catalog.getOrCreateAcroForm();
  if (acroForm.getAllFields().some(([field]) => field.getFullyQualifiedName() === options.fieldName)) {
    throw new Error(`The PDF already has a field named ${options.fieldName}`);
  }

  const context = doc.context;
  const capacity = signatureCapacity(options.signer.certificateChain(), Boolean(options.tsaUrl));
  // pdf-lib tracks edits for the incremental save by scanning every object on every dictionary write.
  // Objects created here are new (numbered past the last revision) and saved regardless, so tracking
  // is paused while building them; edits to existing objects below are tracked as usual.
  const snapshot = context.snapshot;
  context.snapshot = undefined;
  let widgetRef: PDFRef;
  let byteRangePlaceholder: PDFArray;
  try {
    ({ widgetRef, byteRangePlaceholder } = await buildSignatureObjects(doc, page.ref, options, capacity));
  } finally {
    context.snapshot = snapshot;
  }
  page.node.addAnnot(widgetRef);
  acroForm.addField(widgetRef);
  acroForm.dict.set(PDFName.of("SigFlags"), PDFNumber.of(3)); // SignaturesExist | AppendOnly

  // Object streams would hide the signature dictionary inside a compressed stream we must patch.
  const saved = await doc.save({ useObjectStreams: false });
  assertPrefixUnchanged(options.pdf, saved);

  const prepared = fillByteRange(saved, options.pdf.length, byteRangePlaceholder.toString(), capacity);
  let cms = await options.signer.sign({ data: signedRangesContent(prepared.bytes, prepared.byteRange) });
  if (options.tsaUrl) cms = await addSignatureTimestamp(cms, options.tsaUrl);
  return writeContents(prepared, cms);
}

/** The signature dictionary (with placeholders) and the merged field/widget with its appearance. */
async function buildSignatureObjects(
  doc: PDFDocument,
  pageRef: PDFRef,
  options: SignPdfOptions,
  capacity: number,
): Promise<{ widgetRef: PDFRef; byteRangePlaceholder: PDFArray }> {
  const context = doc.context;
  const appearanceRef = await drawAppearance(doc, options.slot, options.appearance);
  const byteRangePlaceholder = PDFArray.withContext(context);
  for (const n of [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER]) {
    byteRangePlaceholder.push(PDFNumber.of(n));
  }
  const signatureRef = context.register(
    context.obj({
      Type: "Sig",
      Filter: "Adobe.PPKLite",
      SubFilter: "ETSI.CAdES.detached",
      ByteRange: byteRangePlaceholder,
      Contents: PDFHexString.of(contentsPlaceholderHex(capacity)),
      M: PDFString.fromDate(options.signingTime),
      ...textEntries({
        Name: options.name,
        Reason: options.reason,
        Location: options.location,
        ContactInfo: options.contactInfo,
      }),
    }),
  );
  const { x, y, width, height } = options.slot;
  const widgetRef = context.register(
    context.obj({
      Type: "Annot",
      Subtype: "Widget",
      FT: "Sig",
      T: PDFHexString.fromText(options.fieldName),
      V: signatureRef,
      Rect: [x, y, x + width, y + height],
      F: 4, // Print
      P: pageRef,
      AP: { N: appearanceRef },
    }),
  );
  return { widgetRef, byteRangePlaceholder };
}

function textEntries(entries: Record<string, string | undefined>): Record<string, PDFHexString> {
  const result: Record<string, PDFHexString> = {};
  for (const [key, value] of Object.entries(entries)) {
    // UTF-16BE hex strings: PDFDocEncoding cannot carry Vietnamese.
    if (value) result[key] = PDFHexString.fromText(value.normalize("NFC"));
  }
  return result;
}

function assertPrefixUnchanged(original: Uint8Array, saved: Uint8Array): void {
  if (saved.length <= original.length || Buffer.compare(saved.subarray(0, original.length), original) !== 0) {
    throw new Error("Incremental save rewrote the existing revision; earlier signatures would break");
  }
}

/** The widget's Form XObject: signature image on top, then the text lines centred in 10 pt Tinos. */
async function drawAppearance(doc: PDFDocument, slot: SignatureSlot, appearance: SignatureAppearance): Promise<PDFRef> {
  const lines = appearance.lines.map((line) => line.normalize("NFC"));
  const font = await stampFont(lines);
  const image = appearance.imagePng ? await stampImage(appearance.imagePng) : undefined;

  const ops: string[] = [];
  const textHeight = lines.length * FONT_SIZE * LINE_HEIGHT;
  const imageArea = { width: slot.width - 2 * PADDING, height: slot.height - textHeight - 2 * PADDING };
  if (image && imageArea.height > 0) ops.push(...drawImage(image.resource, imageArea, textHeight + PADDING));

  // Text block sits at the bottom; without an image it is centred vertically.
  let baseline = (image ? textHeight + PADDING : (slot.height + textHeight) / 2) - FONT_SIZE;
  ops.push("BT", "0 g");
  for (const line of lines) {
    // Long unit names shrink rather than spill out of the box.
    const naturalWidth = font.resource.widthOfTextAtSize(line, FONT_SIZE);
    const size = Math.max(MIN_FONT_SIZE, Math.min(FONT_SIZE, (FONT_SIZE * (slot.width - 2 * PADDING)) / naturalWidth));
    const lineX = Math.max(PADDING, (slot.width - (naturalWidth * size) / FONT_SIZE) / 2);
    ops.push(`/F1 ${num(size)} Tf`, `1 0 0 1 ${num(lineX)} ${num(baseline)} Tm`, `${font.resource.encodeText(line).toString()} Tj`);
    baseline -= FONT_SIZE * LINE_HEIGHT;
  }
  ops.push("ET");

  const context = doc.context;
  const resources = context.obj({ Font: { F1: copyInto(font, doc) } });
  if (image) resources.set(PDFName.of("XObject"), context.obj({ Im1: copyInto(image, doc) }));
  const stream = context.stream(ops.join("\n"), {
    Type: "XObject",
    Subtype: "Form",
    BBox: [0, 0, slot.width, slot.height],
    Resources: resources,
  });
  return context.register(stream);
}

function drawImage(image: { width: number; height: number }, area: { width: number; height: number }, bottom: number): string[] {
  const scale = Math.min(area.width / image.width, area.height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const left = PADDING + (area.width - w) / 2;
  const lower = bottom + (area.height - h) / 2;
  return ["q", `${num(w)} 0 0 ${num(h)} ${num(left)} ${num(lower)} cm`, "/Im1 Do", "Q"];
}

function num(value: number): string {
  return Number(value.toFixed(3)).toString();
}

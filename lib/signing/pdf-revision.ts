import { inlineDictionary, referenceOf, referencesIn } from "./pdf-dictionary";
import { decodedStream, definitionBefore, valueOf, type PdfObjectEntry, type PdfObjectIndex } from "./scan-pdf-objects";

/** A stream that only saves or restores the graphics state: pdf-lib wraps page content in these on every save. */
const ONLY_SAVE_RESTORE = /^[\0\t\n\f\r qQ]*$/;
/** /Root candidates looked at, so a crafted flood of "/Root" cannot stall the search. */
const MAX_ROOT_LOOKS = 100;

/** Reads object values as they stood before a given offset. */
export class Revision {
  private root: { number: number | undefined } | undefined;
  private widgets: Set<number> | undefined;

  constructor(
    readonly index: PdfObjectIndex,
    readonly end: number,
  ) {}

  entry(number: number | undefined): PdfObjectEntry | undefined {
    return number === undefined ? undefined : definitionBefore(this.index, number, this.end);
  }

  entries(number: number | undefined): Map<string, string> | undefined {
    const entry = this.entry(number);
    return entry ? valueOf(this.index, entry)?.entries : undefined;
  }

  /** A dictionary entry that is either inline or a reference to a dictionary object. */
  dictionary(value: string | undefined): Map<string, string> | undefined {
    return inlineDictionary(value) ?? this.entries(referenceOf(value));
  }

  /** The references of an array entry, inline or via a reference to an array object; a single reference is a list of one. */
  references(value: string | undefined): number[] {
    const target = this.entry(referenceOf(value));
    if (target && target.streamData === undefined) {
      const resolved = valueOf(this.index, target);
      if (resolved?.kind === "array") return referencesIn(resolved.normalized);
    }
    return referencesIn(value);
  }

  /** The catalog: the last /Root a trailer or cross-reference stream names. */
  catalog(): Map<string, string> | undefined {
    this.root ??= { number: lastRoot(this.index.text, this.end) };
    return this.entries(this.root.number);
  }

  isSignatureField(number: number): boolean {
    const field = this.entries(number);
    if (!field) return false;
    return field.get("FT") === "/Sig" || this.entries(referenceOf(field.get("Parent")))?.get("FT") === "/Sig";
  }

  /**
   * What a signature field added or filled in by this revision's update holds: a document timestamp or a
   * signature, and only if that signature's byte range reaches the end of the update (it signs the update
   * that adds it). An empty field, or one pointing at an earlier signature's dictionary (a copy of it),
   * is undefined: its widget could draw anything over the page.
   */
  signatureIn(number: number): "signature" | "timestamp" | undefined {
    const field = this.entries(number);
    const value = field?.get("V") ?? this.entries(referenceOf(field?.get("Parent")))?.get("V");
    const signature = this.dictionary(value);
    const range = /^\[ (\d+) (\d+) (\d+) (\d+) \]$/.exec(signature?.get("ByteRange") ?? "");
    if (!signature || !range || Number(range[3]) + Number(range[4]) < this.end) return undefined;
    return signature.get("Type") === "/DocTimeStamp" ? "timestamp" : "signature";
  }

  /** Field widgets named by the AcroForm: its fields and their kids. */
  formWidgets(): Set<number> {
    if (!this.widgets) {
      const fields = this.references(this.dictionary(this.catalog()?.get("AcroForm"))?.get("Fields"));
      this.widgets = new Set(fields.flatMap((field) => [field, ...this.references(this.entries(field)?.get("Kids"))]));
    }
    return this.widgets;
  }

  /** True for a stream whose content only saves or restores the graphics state. */
  onlySavesState(entry: PdfObjectEntry): boolean {
    return ONLY_SAVE_RESTORE.test(decodedStream(this.index, entry) ?? "x");
  }
}

/** The object number of the last /Root before `before` (trailers and cross-reference streams both name it). */
function lastRoot(text: string, before: number): number | undefined {
  let tries = 0;
  for (let at = text.lastIndexOf("/Root", before - 5); at >= 0 && tries++ < MAX_ROOT_LOOKS; at = text.lastIndexOf("/Root", at - 1)) {
    const match = /^\/Root\s+(\d+)\s+\d+\s+R/.exec(text.slice(at, at + 40));
    if (match) return Number(match[1]);
  }
  return undefined;
}

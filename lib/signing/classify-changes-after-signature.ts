import { inlineDictionary, referenceOf, referencesIn, type PdfValue } from "./pdf-dictionary";
import { valueOf, type PdfObjectEntry, type PdfObjectIndex } from "./scan-pdf-objects";
import { readXrefStream, readXrefTables, type CrossReferenceRow } from "./read-cross-references";
import { Revision } from "./pdf-revision";

/**
 * What was added to a PDF after a signature, classified the way Acrobat does for a certified-for-signing
 * document: a later signature (its field, widget, appearance and the AcroForm/page entries naming it), a
 * document timestamp, or DSS validation data is allowed; anything that changes what the pages show, the
 * annotations, the form or the document structure is not. Each incremental update is compared object by
 * object with the revision before it.
 */

export type AllowedChange = "signature" | "timestamp" | "dss";
export type DisallowedChange =
  | "page-content"
  | "annotation"
  | "form"
  | "pages"
  | "catalog"
  | "signature-altered"
  | "removed"
  | "unreadable"
  | "other";

export interface ChangesAfterSignature {
  allowed: AllowedChange[];
  disallowed: DisallowedChange[];
}

interface Found {
  allowed: Set<AllowedChange>;
  disallowed: Set<DisallowedChange>;
}

/** Catalog entries a later signature or LTV data may add or update; any other catalog change is disallowed. */
const CATALOG_ALLOWED = new Set(["AcroForm", "DSS", "Extensions", "Metadata"]);
/** The document information dictionary's entries: a signing tool may update them; nothing shown depends on them. */
const INFO_KEYS = new Set(["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate", "Trapped"]);
/** AcroForm entries a signing tool may set besides adding its field. */
const ACROFORM_ALLOWED = new Set(["Fields", "SigFlags", "DR", "DA"]);
/** Entries a signing tool fills in on an existing, empty signature field. */
const SIGNED_FIELD_ALLOWED = new Set(["V", "AP"]);
/** Dictionaries a page draws with: changing one changes what the page shows. */
const RESOURCE_TYPES = new Set(["/Font", "/FontDescriptor", "/XObject", "/ExtGState", "/Pattern", "/Shading"]);
/** Cross-reference rows read per update, tables and streams together. */
const MAX_XREF_ROWS = 200_000;
/** Objects reachable from the DSS looked at (certificates, OCSP responses, CRLs and the VRI tree). */
const MAX_DSS_OBJECTS = 10_000;

/** A commitment gains one update per signature; a file with far more is not checked update by update. */
const MAX_INCREMENTS = 100;

export function changesAfterSignature(index: PdfObjectIndex, signedEnd: number, checkDeadline: () => void): ChangesAfterSignature {
  const found: Found = { allowed: new Set(), disallowed: new Set() };
  const updates = increments(index.text, signedEnd);
  if (updates.length > MAX_INCREMENTS) found.disallowed.add("unreadable");
  for (const [start, end] of updates.slice(0, MAX_INCREMENTS)) {
    checkDeadline();
    classifyIncrement(index, start, end, found);
  }
  return { allowed: [...found.allowed], disallowed: [...found.disallowed] };
}

/** [start, end) of each incremental update after `from`: each ends at a %%EOF; trailing bytes form the last. */
function increments(text: string, from: number): [number, number][] {
  const result: [number, number][] = [];
  let start = from;
  for (let eof = text.indexOf("%%EOF", from); eof >= 0 && result.length <= MAX_INCREMENTS; eof = text.indexOf("%%EOF", start)) {
    result.push([start, eof + 5]);
    start = eof + 5;
  }
  if (/\S/.test(text.slice(start))) result.push([start, text.length]);
  return result;
}

function classifyIncrement(index: PdfObjectIndex, start: number, end: number, found: Found): void {
  const before = new Revision(index, start);
  const after = new Revision(index, end);
  const objects = index.entries.slice(firstAtOrAfter(index.entries, start), firstAtOrAfter(index.entries, end));
  const slice = index.text.slice(start, end);
  if (objects.length === 0 && !/startxref/.test(slice)) found.disallowed.add("other");
  // Overlapping objects or a definition not closed by "endobj": bytes no reader agrees on.
  if (objects.some((entry) => entry.end > end)) found.disallowed.add("unreadable");

  compareCatalogs(before, after, found);
  const handled = new Set<number>();
  for (const revision of [before, after]) {
    const acroForm = referenceOf(revision.catalog()?.get("AcroForm"));
    if (acroForm !== undefined) handled.add(acroForm);
    const fields = referenceOf(revision.dictionary(revision.catalog()?.get("AcroForm"))?.get("Fields"));
    if (fields !== undefined) handled.add(fields);
  }
  const dss = dssObjects(after);
  for (const entry of objects) {
    if (handled.has(entry.number)) continue;
    const change = classifyObject(index, entry, before, after, dss, found);
    if (change) found.disallowed.add(change);
  }
  // Object streams this update defines: its xref stream may place objects only in those.
  const streams = new Set(objects.filter((entry) => entry.streamData !== undefined).map((entry) => entry.number));
  const rows = readXrefTables(slice);
  for (const entry of objects) {
    const value = valueOf(index, entry);
    if (value?.entries.get("Type") !== "/XRef" || entry.source !== undefined) continue;
    const streamRows = readXrefStream(value.entries, entry.streamData ?? "");
    if (!streamRows || rows.length + streamRows.length > MAX_XREF_ROWS) {
      found.disallowed.add("unreadable");
      break;
    }
    for (const row of streamRows) rows.push(row);
  }
  for (const change of crossReferenceChanges(rows, { start, end, streams }, before)) found.disallowed.add(change);
}

/** Index of the first entry starting at or after `at` (entries are in file order). */
function firstAtOrAfter(entries: PdfObjectEntry[], at: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (entries[mid]!.start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The catalog may only gain or change /AcroForm (with signature fields only), /DSS and /Extensions. */
function compareCatalogs(before: Revision, after: Revision, found: Found): void {
  const old = before.catalog();
  const current = after.catalog();
  if (!old || !current) {
    if (old !== current) found.disallowed.add("catalog");
    return;
  }
  for (const key of new Set([...old.keys(), ...current.keys()])) {
    if (CATALOG_ALLOWED.has(key) || old.get(key) === current.get(key)) continue;
    found.disallowed.add("catalog");
  }
  if (!sameDictionary(before.dictionary(old.get("DSS")), after.dictionary(current.get("DSS")))) found.allowed.add("dss");
  compareAcroForms(before, after, found);
}

function compareAcroForms(before: Revision, after: Revision, found: Found): void {
  const old = before.dictionary(before.catalog()?.get("AcroForm")) ?? new Map<string, string>();
  const current = after.dictionary(after.catalog()?.get("AcroForm")) ?? new Map<string, string>();
  for (const key of new Set([...old.keys(), ...current.keys()])) {
    if (!ACROFORM_ALLOWED.has(key) && old.get(key) !== current.get(key)) found.disallowed.add("form");
  }
  const oldFields = new Set(before.references(old.get("Fields")));
  const newFields = after.references(current.get("Fields"));
  const kept = new Set(newFields);
  if ([...oldFields].some((field) => !kept.has(field))) found.disallowed.add("form");
  for (const field of newFields) {
    if (oldFields.has(field)) continue;
    const signature = after.isSignatureField(field) ? after.signatureIn(field) : undefined;
    if (signature) found.allowed.add(signature);
    else found.disallowed.add("form");
  }
}

function sameDictionary(a: Map<string, string> | undefined, b: Map<string, string> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/** The DSS dictionary and the objects it reaches (arrays, VRI entries and the streams they name). */
function dssObjects(after: Revision): Set<number> {
  const value = after.catalog()?.get("DSS");
  const reached = new Set<number>();
  const pending = [...referencesIn(value)];
  const inline = inlineDictionary(value);
  if (inline) pending.push(...[...inline.values()].flatMap(referencesIn));
  while (pending.length > 0 && reached.size < MAX_DSS_OBJECTS) {
    const number = pending.pop()!;
    if (reached.has(number)) continue;
    reached.add(number);
    const entry = after.entry(number);
    if (entry && entry.streamData === undefined) pending.push(...after.references(`${number} 0 R`), ...[...(after.entries(number)?.values() ?? [])].flatMap(referencesIn));
  }
  return reached;
}

/** Why redefining or adding this object is not allowed, or undefined when it is. */
function classifyObject(
  index: PdfObjectIndex,
  entry: PdfObjectEntry,
  before: Revision,
  after: Revision,
  dss: Set<number>,
  found: Found,
): DisallowedChange | undefined {
  const value = valueOf(index, entry);
  if (!value || entry.unreadable) return "unreadable";
  const type = value.entries.get("Type");
  const previous = before.entry(entry.number);
  // A new object changes nothing shown until something existing points at it, and that is classified.
  // An object stream's objects are entries of their own; the stream and the xref stream are packaging.
  if (!previous || type === "/XRef" || type === "/ObjStm") return undefined;
  const old = valueOf(index, previous);
  if (!old) return "unreadable";
  if (old.normalized === value.normalized && previous.streamData === entry.streamData) return undefined;
  if (dss.has(entry.number)) {
    found.allowed.add("dss");
    return undefined;
  }
  const oldType = old.entries.get("Type");
  if (oldType === "/Sig" || oldType === "/DocTimeStamp") return "signature-altered";
  if (oldType === "/Catalog" || type === "/Catalog") return undefined; // compared as the catalog
  if (oldType === "/Pages" || type === "/Pages") return "pages";
  if (oldType === "/Metadata" || (isInfoDictionary(old) && isInfoDictionary(value) && previous.streamData === undefined)) return undefined;
  if (oldType === "/Page" || type === "/Page") return comparePage(old.entries, value.entries, before, after);
  const isField = old.entries.has("FT") || old.entries.get("Subtype") === "/Widget" || (old.entries.has("Parent") && (old.entries.has("T") || old.entries.has("Kids")));
  if (isField) {
    return compareField(entry.number, old.entries, value.entries, after, found);
  }
  if (oldType === "/Annot" || (old.entries.has("Subtype") && old.entries.has("Rect"))) return "annotation";
  // Content streams, images, form XObjects, fonts and graphics states all change what a page shows.
  if (previous.streamData !== undefined || RESOURCE_TYPES.has(oldType ?? "")) return "page-content";
  if (old.kind === "array" && value.kind === "array") {
    return compareReferenceLists(referencesIn(old.normalized), referencesIn(value.normalized), after);
  }
  return "other";
}

function isInfoDictionary(value: PdfValue): boolean {
  return value.kind === "dict" && value.entries.size > 0 && [...value.entries.keys()].every((key) => INFO_KEYS.has(key));
}

/** A page may only gain signature widgets in /Annots (and q/Q wrappers around its unchanged content). */
function comparePage(old: Map<string, string>, current: Map<string, string>, before: Revision, after: Revision): DisallowedChange | undefined {
  for (const key of new Set([...old.keys(), ...current.keys()])) {
    if (old.get(key) === current.get(key)) continue;
    if (key !== "Annots" && key !== "Contents") return "page-content";
    const change = compareReferenceLists(before.references(old.get(key)), after.references(current.get(key)), after, key);
    if (change) return change;
  }
  return undefined;
}

/**
 * Two versions of an /Annots or /Contents list (or an array object that is one of them). Allowed: existing
 * entries kept in order, plus signature widgets the AcroForm names, plus q/Q-only streams around them.
 */
function compareReferenceLists(old: number[], current: number[], after: Revision, key?: "Annots" | "Contents"): DisallowedChange | undefined {
  const existing = new Set(old);
  const kept = current.filter((number) => existing.has(number));
  if (kept.length !== old.length || kept.some((number, i) => number !== old[i])) return key === "Annots" ? "annotation" : "page-content";
  const widgets = after.formWidgets();
  // q/Q wrappers only around the old content: a Q between two old streams could undo state the first set.
  const firstOld = current.indexOf(old[0]!);
  const lastOld = current.lastIndexOf(old.at(-1)!);
  for (const [position, number] of current.entries()) {
    if (existing.has(number)) continue;
    const entry = after.entry(number);
    if (entry?.streamData !== undefined) {
      const around = old.length === 0 || position < firstOld || position > lastOld;
      if (!around || !after.onlySavesState(entry)) return "page-content";
    } else if (!(after.isSignatureField(number) && widgets.has(number) && after.signatureIn(number))) {
      return after.entries(number)?.has("FT") ? "form" : key === "Contents" ? "page-content" : "annotation";
    }
  }
  return undefined;
}

/** An existing signature field may be signed (gain /V and its appearance); any other field change is a form change. */
function compareField(number: number, old: Map<string, string>, current: Map<string, string>, after: Revision, found: Found): DisallowedChange | undefined {
  const signature = after.isSignatureField(number) && !old.has("V") ? after.signatureIn(number) : undefined;
  if (!signature) return "form";
  for (const key of new Set([...old.keys(), ...current.keys()])) {
    if (!SIGNED_FIELD_ALLOWED.has(key) && old.get(key) !== current.get(key)) return "form";
  }
  found.allowed.add(signature);
  return undefined;
}

/**
 * What an update's cross-reference rows do besides pointing at the objects it defines: free (delete) an
 * object, or point one at bytes outside the update (e.g. back at its version from before a signature, or
 * into an older object stream), which changes what a reader shows without defining anything new.
 */
function crossReferenceChanges(rows: CrossReferenceRow[], update: { start: number; end: number; streams: Set<number> }, before: Revision): DisallowedChange[] {
  const changes: DisallowedChange[] = [];
  for (const row of rows) {
    if (row.type === 0 && row.number !== 0 && before.entry(row.number)) changes.push("removed");
    if (row.type === 1 && (row.field2 < update.start || row.field2 >= update.end)) changes.push("other");
    if (row.type === 2 && !update.streams.has(row.field2)) changes.push("other");
  }
  return changes;
}

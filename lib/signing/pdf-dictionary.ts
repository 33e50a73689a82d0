/**
 * Just enough PDF syntax to compare two versions of an object: the entries of its top-level dictionary,
 * each value normalised to its tokens joined by single spaces (so `[23 0 R]` equals `[ 23 0 R ]`).
 * Iterative and capped, because the input is an untrusted upload.
 */

const MAX_TOKENS = 200_000;
const DELIMITER = /[()<>[\]{}/%]/;
const WHITESPACE = /[\0\t\n\f\r ]/;

/** PDF tokens of text[at, end), stopping early at the keyword "stream" or "endobj". */
function tokenize(text: string, at: number, end: number): string[] | undefined {
  const tokens: string[] = [];
  let i = at;
  while (i < end) {
    if (tokens.length > MAX_TOKENS) return undefined;
    const c = text[i]!;
    if (WHITESPACE.test(c)) {
      i++;
    } else if (c === "%") {
      while (i < end && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (c === "(") {
      // Literal string: balanced parentheses, backslash escapes.
      let depth = 0;
      const start = i;
      for (; i < end; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "(") depth++;
        else if (text[i] === ")" && --depth === 0) break;
      }
      tokens.push(text.slice(start, ++i));
    } else if (c === "<" && text[i + 1] !== "<") {
      const close = text.indexOf(">", i);
      const stop = close < 0 || close > end ? end : close + 1;
      tokens.push(`<${text.slice(i + 1, stop - 1).replace(/\s/g, "").toLowerCase()}>`);
      i = stop;
    } else if ((c === "<" || c === ">") && text[i + 1] === c) {
      tokens.push(c + c);
      i += 2;
    } else if (c === "[" || c === "]" || c === "{" || c === "}") {
      tokens.push(c);
      i++;
    } else {
      // A name (leading /) or a regular token: runs to the next whitespace or delimiter.
      const start = i++;
      while (i < end && !WHITESPACE.test(text[i]!) && !DELIMITER.test(text[i]!)) i++;
      const token = text.slice(start, i);
      if (token === "stream" || token === "endobj") break;
      tokens.push(token);
    }
  }
  return tokens;
}

export interface PdfValue {
  /** "dict" for `<< … >>`, "array" for `[ … ]`, "other" for anything else (a number, a name, null). */
  kind: "dict" | "array" | "other";
  /** Top-level entries of a dictionary, keyed by name without the slash. */
  entries: Map<string, string>;
  /** The whole value, normalised. */
  normalized: string;
}

/** The value of an object body (the text after "n g obj"), or undefined when it cannot be read within the caps. */
export function parsePdfValue(text: string, at: number, end: number): PdfValue | undefined {
  const tokens = tokenize(text, at, end);
  if (!tokens) return undefined;
  const normalized = tokens.join(" ");
  const entries = new Map<string, string>();
  const first = tokens[0];
  if (first !== "<<") return { kind: first === "[" ? "array" : "other", entries, normalized };
  let i = 1;
  while (i < tokens.length && tokens[i] !== ">>") {
    const key = tokens[i++]!.replace(/^\//, "");
    const valueStart = i;
    if (tokens[i] === "<<" || tokens[i] === "[") {
      // A nested dictionary or array: up to its matching close.
      let depth = 0;
      do {
        const token = tokens[i++];
        if (token === "<<" || token === "[") depth++;
        else if (token === ">>" || token === "]") depth--;
      } while (depth > 0 && i < tokens.length);
    } else if (/^\d+$/.test(tokens[i] ?? "") && /^\d+$/.test(tokens[i + 1] ?? "") && tokens[i + 2] === "R") {
      i += 3;
    } else {
      i++;
    }
    entries.set(key, tokens.slice(valueStart, i).join(" "));
  }
  return { kind: "dict", entries, normalized };
}

/** Object numbers of the indirect references ("n g R") in a normalised value, in order. */
export function referencesIn(normalized: string | undefined): number[] {
  if (!normalized) return [];
  return [...normalized.matchAll(/(?:^|\s)(\d+) \d+ R(?=\s|$)/g)].map((m) => Number(m[1]));
}

/** The object number a value references, if the whole value is one "n g R". */
export function referenceOf(normalized: string | undefined): number | undefined {
  const match = normalized ? /^(\d+) \d+ R$/.exec(normalized) : null;
  return match ? Number(match[1]) : undefined;
}

/** Parses an inline dictionary value (an entry whose value is `<< … >>`) into its entries. */
export function inlineDictionary(normalized: string | undefined): Map<string, string> | undefined {
  if (!normalized?.startsWith("<<")) return undefined;
  return parsePdfValue(normalized, 0, normalized.length)?.entries;
}

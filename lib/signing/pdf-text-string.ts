/** PDF text strings (ISO 32000 7.9.2): what signature dictionaries and field names are written in. */

/** UTF-16BE with a byte-order mark, as a hex string: PDFDocEncoding cannot carry Vietnamese. */
export function hexTextString(text: string): string {
  const utf16 = Buffer.from(text.normalize("NFC"), "utf16le").swap16();
  return `<FEFF${utf16.toString("hex").toUpperCase()}>`;
}

/** A PDF date string, `(D:YYYYMMDDHHmmSSZ)` in UTC. */
export function pdfDateString(date: Date): string {
  const digits = date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `(D:${digits}Z)`;
}

/**
 * The text of a normalised string token (`<…>` hex or `(…)` literal); UTF-16BE when it starts with a BOM,
 * otherwise read as Latin-1, which equals PDFDocEncoding for the field names compared here.
 */
export function decodeTextString(token: string | undefined): string | undefined {
  if (!token) return undefined;
  let bytes: Buffer;
  if (token.startsWith("<")) bytes = Buffer.from(token.slice(1, -1).padEnd(2 * Math.ceil((token.length - 2) / 2), "0"), "hex");
  else if (token.startsWith("(")) bytes = Buffer.from(unescapeLiteral(token.slice(1, -1)), "latin1");
  else return undefined;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const utf16 = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return utf16.swap16().toString("utf16le");
  }
  return bytes.toString("latin1");
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };

function unescapeLiteral(body: string): string {
  return body.replace(/\\([0-7]{1,3}|\r\n|[\s\S])/g, (_, escaped: string) => {
    if (/^[0-7]/.test(escaped)) return String.fromCharCode(parseInt(escaped, 8) & 0xff);
    if (escaped === "\n" || escaped === "\r" || escaped === "\r\n") return ""; // line continuation
    return ESCAPES[escaped] ?? escaped;
  });
}

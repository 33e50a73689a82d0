import type { PdfForUpdate } from "./read-pdf-for-update";

/**
 * Writes one incremental update (ISO 32000 7.5.6) after a PDF's last byte: new objects and new versions of
 * existing ones, then a cross-reference section of the same kind as the file's newest (table or stream)
 * chained to it by /Prev, and a trailer. Earlier bytes are never touched, so earlier signatures stay valid.
 * Signatures use it today; the DSS and document timestamps of long-term validation append through it too.
 */
export class IncrementalUpdate {
  private readonly chunks: Buffer[] = [];
  private appended = 0;
  private readonly written = new Map<number, { offset: number; generation: number }>();
  private nextNumber: number;

  constructor(private readonly pdf: PdfForUpdate) {
    this.nextNumber = pdf.size;
    const last = pdf.bytes.at(-1);
    if (last !== 0x0a && last !== 0x0d) this.append("\n");
  }

  /** A number for a new object. */
  allocate(): number {
    return this.nextNumber++;
  }

  /** Where the next byte written lands in the finished file. */
  get position(): number {
    return this.pdf.bytes.length + this.appended;
  }

  /**
   * Writes object `number` (its dictionary or other value as PDF syntax, plus stream data for a stream) and
   * returns the offset of `body`'s first byte in the finished file, for patching placeholders in it later.
   */
  writeObject(number: number, body: string, stream?: Uint8Array, generation = 0): number {
    this.written.set(number, { offset: this.position, generation });
    const header = `${number} ${generation} obj\n`;
    const bodyOffset = this.position + header.length;
    this.append(header + body);
    if (stream) {
      this.append("\nstream\n");
      this.append(stream);
      this.append("\nendstream");
    }
    this.append("\nendobj\n");
    return bodyOffset;
  }

  /** The whole file: the original, the objects written, the cross-reference section and the trailer. */
  finish(): Buffer {
    const xrefOffset = this.pdf.xrefStream ? this.writeXrefStream() : this.writeXrefTable();
    this.append(`startxref\n${xrefOffset}\n%%EOF\n`);
    return Buffer.concat([this.pdf.bytes, ...this.chunks], this.position);
  }

  private writeXrefTable(): number {
    const offset = this.position;
    const lines = ["xref"];
    for (const [first, numbers] of this.subsections()) {
      lines.push(`${first} ${numbers.length}`);
      for (const number of numbers) {
        const row = this.written.get(number)!;
        // Each row is exactly 20 bytes: the EOL is " \n" (7.5.4).
        lines.push(`${String(row.offset).padStart(10, "0")} ${String(row.generation).padStart(5, "0")} n `);
      }
    }
    this.append(`${lines.join("\n")}\ntrailer\n<< ${this.trailerEntries().join(" ")} >>\n`);
    return offset;
  }

  private writeXrefStream(): number {
    const number = this.allocate();
    const offset = this.position;
    this.written.set(number, { offset, generation: 0 });
    if (offset > 0xffff_ffff) throw new Error("PDF too large for a 4-byte cross-reference offset");
    const subsections = this.subsections();
    const rows = Buffer.alloc(7 * this.written.size);
    let at = 0;
    for (const [, numbers] of subsections) {
      for (const n of numbers) {
        const row = this.written.get(n)!;
        at = rows.writeUInt8(1, at);
        at = rows.writeUInt32BE(row.offset, at);
        at = rows.writeUInt16BE(row.generation, at);
      }
    }
    const index = subsections.map(([first, numbers]) => `${first} ${numbers.length}`).join(" ");
    const dictionary = ["/Type /XRef", "/W [ 1 4 2 ]", `/Index [ ${index} ]`, `/Length ${rows.length}`, ...this.trailerEntries()];
    this.writeObject(number, `<< ${dictionary.join(" ")} >>`, rows);
    return offset;
  }

  /** Runs of consecutive object numbers among those written. */
  private subsections(): [number, number[]][] {
    const runs: [number, number[]][] = [];
    for (const number of [...this.written.keys()].sort((a, b) => a - b)) {
      const last = runs.at(-1);
      if (last && last[0] + last[1].length === number) last[1].push(number);
      else runs.push([number, [number]]);
    }
    return runs;
  }

  private trailerEntries(): string[] {
    const entries = [`/Size ${this.nextNumber}`, `/Prev ${this.pdf.startxref}`];
    for (const key of ["Root", "Info", "ID"]) {
      const value = this.pdf.trailer.get(key);
      if (value !== undefined) entries.push(`/${key} ${value}`);
    }
    return entries;
  }

  private append(data: string | Uint8Array): void {
    const chunk = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.chunks.push(chunk);
    this.appended += chunk.length;
  }
}

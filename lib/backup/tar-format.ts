/**
 * The few bytes of POSIX ustar a backup needs: regular files only, names under 100 bytes, sizes under 8 GiB.
 * tar because any machine can list and unpack it (`tar -tf`, `tar -xf`) without camket.
 */
export const TAR_BLOCK = 512;

export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  const header = Buffer.alloc(TAR_BLOCK);
  header.write(name, 0, "utf8");
  header.write("0000600\0", 100, "latin1"); // mode
  header.write("0000000\0", 108, "latin1"); // uid
  header.write("0000000\0", 116, "latin1"); // gid
  header.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "latin1");
  header.write(`${Math.floor(mtime.getTime() / 1000).toString(8).padStart(11, "0")}\0`, 136, "latin1");
  header.write("        ", 148, "latin1"); // checksum is computed with its own field as spaces
  header.write("0", 156, "latin1"); // regular file
  header.write("ustar\u000000", 257, "latin1");
  header.write(`${checksum(header).toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  return header;
}

/** Zero bytes that bring an entry of `size` bytes to a whole block. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK);
}

/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

/** The entry a header block describes, or null for the zero block that ends the archive; throws on a damaged header. */
export function parseTarHeader(block: Buffer): { name: string; size: number } | null {
  if (block.every((byte) => byte === 0)) return null;
  const stored = parseInt(block.toString("latin1", 148, 156).replace(/[\0 ]/g, ""), 8);
  const copy = Buffer.from(block);
  copy.write("        ", 148, "latin1");
  if (stored !== checksum(copy) || block.toString("latin1", 257, 262) !== "ustar") throw new Error("not a tar header");
  const name = block.toString("utf8", 0, 100).replace(/\0.*$/s, "");
  const size = parseInt(block.toString("latin1", 124, 136).replace(/[\0 ]/g, ""), 8);
  if (!name || !Number.isSafeInteger(size) || block[156] !== 0x30) throw new Error("unsupported tar entry");
  return { name, size };
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (const byte of header) sum += byte;
  return sum;
}

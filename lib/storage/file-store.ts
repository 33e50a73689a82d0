import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Prisma.TransactionClient | typeof prisma;

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Content-addressed, immutable file storage. Today PostgreSQL bytea (one backup, one transaction with the
 * rows that point at the file); these functions are the whole interface, so an object store can replace it.
 */
export async function putFile(db: Db, bytes: Uint8Array, contentType = "application/pdf"): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await db.storedFile.createMany({
    data: [{ sha256, bytes: new Uint8Array(bytes), size: bytes.byteLength, contentType }],
    skipDuplicates: true,
  });
  return sha256;
}

export async function getFile(sha256: string, db: Db = prisma): Promise<Uint8Array | null> {
  const file = await db.storedFile.findUnique({ where: { sha256 }, select: { bytes: true } });
  return file ? new Uint8Array(file.bytes) : null;
}

/** Several files in one round trip (the archive reads a campaign's PDFs in batches); missing ones are absent from the map. */
export async function getFiles(sha256s: readonly string[], db: Db = prisma): Promise<Map<string, Uint8Array>> {
  const files = await db.storedFile.findMany({ where: { sha256: { in: [...sha256s] } }, select: { sha256: true, bytes: true } });
  return new Map(files.map((f) => [f.sha256, new Uint8Array(f.bytes)]));
}

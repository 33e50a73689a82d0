import { prisma } from "@/lib/db/client";
import type { BlobStore, StoredBlob } from "./blob-store";
import { currentBlobStore } from "./current-blob-store";

export const DEFAULT_GRACE_MS = 60 * 60_000;
const BATCH = 1_000;

export type OrphanCleanup = { orphans: StoredBlob[]; young: number; referenced: number; dryRun: boolean };

/**
 * `npm run storage:cleanup`: removes blobs no StoredFile row references — left by a transaction that rolled
 * back after its blob was written (the blob always goes first), or partial writes of a crashed process. Only
 * those last written more than `graceMs` ago: a signature in flight has written its blob but not committed its
 * row yet, and a blob written again meanwhile has its time refreshed. `dryRun` lists without removing.
 */
export async function removeOrphanBlobs(options: { store?: BlobStore; graceMs?: number; now?: Date; dryRun?: boolean } = {}): Promise<OrphanCleanup> {
  const { store = currentBlobStore(), graceMs = DEFAULT_GRACE_MS, now = new Date(), dryRun = false } = options;
  const cutoff = now.getTime() - graceMs;
  const result: OrphanCleanup = { orphans: [], young: 0, referenced: 0, dryRun };
  let batch: StoredBlob[] = [];
  const settle = async () => {
    const named = batch.flatMap((b) => (b.sha256 ? [b.sha256] : []));
    const rows = named.length ? await prisma.storedFile.findMany({ where: { sha256: { in: named } }, select: { sha256: true } }) : [];
    const referenced = new Set(rows.map((r) => r.sha256));
    for (const blob of batch) {
      if (blob.sha256 && referenced.has(blob.sha256)) result.referenced++;
      else if (blob.modifiedAt.getTime() > cutoff) result.young++;
      else {
        if (!dryRun) await store.remove(blob.key);
        result.orphans.push(blob);
      }
    }
    batch = [];
  };
  for await (const blob of store.list()) {
    batch.push(blob);
    if (batch.length === BATCH) await settle();
  }
  await settle();
  return result;
}

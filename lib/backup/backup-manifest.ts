import { z } from "zod";

/** /2 adds the blob store's files (`blobs/<sha256>` entries); /1 backups (no blobs) still restore. */
export const BACKUP_FORMAT = "camket-backup/2";
const FORMATS = ["camket-backup/1", BACKUP_FORMAT] as const;
export const MANIFEST_ENTRY = "manifest.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The first entry of a backup: what the rest must be, checked entry by entry on restore. */
export const backupManifestSchema = z.object({
  format: z.enum(FORMATS),
  createdAt: z.iso.datetime(),
  tables: z.array(z.object({ table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), rows: z.number().int().min(0), size: z.number().int().min(0), sha256 })),
  blobs: z.array(z.object({ sha256, size: z.number().int().min(0) })).default([]),
});

/** The tar entry holding one blob of the store. */
export const blobEntryName = (sha256: string) => `blobs/${sha256}`;

export type BackupManifest = z.infer<typeof backupManifestSchema>;

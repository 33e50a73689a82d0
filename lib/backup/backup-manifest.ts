import { z } from "zod";

export const BACKUP_FORMAT = "camket-backup/1";
export const MANIFEST_ENTRY = "manifest.json";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The first entry of a backup: what the rest must be, checked entry by entry on restore. */
export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.iso.datetime(),
  tables: z.array(z.object({ table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), rows: z.number().int().min(0), size: z.number().int().min(0), sha256 })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

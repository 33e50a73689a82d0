import { open } from "node:fs/promises";
import { BackupRefusedError } from "./backup-refused-error";
import { parseTarHeader, TAR_BLOCK } from "./tar-format";

export type TarEntry = { name: string; size: number; offset: number };

/** The entries of a tar file on disk, by header, with where each one's bytes start; a damaged archive is refused. */
export async function readTarEntries(file: string): Promise<TarEntry[]> {
  const handle = await open(file, "r");
  try {
    const { size: fileSize } = await handle.stat();
    const entries: TarEntry[] = [];
    const block = Buffer.alloc(TAR_BLOCK);
    for (let at = 0; ; ) {
      const { bytesRead } = await handle.read(block, 0, TAR_BLOCK, at);
      if (bytesRead < TAR_BLOCK) throw new BackupRefusedError("tệp sao lưu bị cắt cụt (thiếu phần cuối)");
      let header;
      try {
        header = parseTarHeader(block);
      } catch {
        throw new BackupRefusedError("tệp sao lưu bị hỏng hoặc không phải tệp sao lưu của camket");
      }
      if (header === null) return entries;
      const offset = at + TAR_BLOCK;
      if (offset + header.size > fileSize) throw new BackupRefusedError("tệp sao lưu bị cắt cụt (thiếu phần cuối)");
      entries.push({ ...header, offset });
      at = offset + Math.ceil(header.size / TAR_BLOCK) * TAR_BLOCK;
    }
  } finally {
    await handle.close();
  }
}

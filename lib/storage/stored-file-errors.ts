/**
 * A stored file whose bytes no longer hash to its name (disk corruption, a tampered blob). Never served; the
 * message is one Vietnamese sentence fit to show as is, the details go to the server log.
 */
export class StoredFileCorruptedError extends Error {
  constructor(readonly sha256: string) {
    super(`Tệp lưu trữ ${sha256.slice(0, 12)}… bị hỏng (nội dung không khớp mã SHA-256) nên không được phục vụ; hãy báo quản trị để khôi phục từ bản sao lưu.`);
    this.name = "StoredFileCorruptedError";
  }
}

/** A file the database lists whose bytes are in neither the blob store nor the row. */
export class StoredFileMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`Tệp lưu trữ ${sha256.slice(0, 12)}… không còn trong kho tệp; hãy báo quản trị để khôi phục từ bản sao lưu.`);
    this.name = "StoredFileMissingError";
  }
}

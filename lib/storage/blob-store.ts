/** One object in a blob store: its key, the SHA-256 it holds (null for a leftover partial write), when it was last written. */
export type StoredBlob = { key: string; sha256: string | null; modifiedAt: Date };

/**
 * Where PDF bytes live, addressed by their SHA-256. Backends only move bytes; checking that the bytes match
 * their name is lib/storage/file-store's job, the same for every backend.
 */
export interface BlobStore {
  /** Human-readable location, for command output ("/srv/camket/.data/blobs", "s3://bucket"). */
  readonly location: string;
  /**
   * Stores `bytes` under `sha256`, durably, before returning. An existing blob is kept (same name, same
   * bytes) and only marked as written now, so orphan cleanup's grace period counts from the latest write.
   */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes as stored, unverified; null when there is no such blob. */
  get(sha256: string): Promise<Uint8Array | null>;
  /** The bytes as a stream of chunks, unverified; null when there is no such blob. */
  openStream(sha256: string): Promise<AsyncIterable<Uint8Array> | null>;
  /** Every object, including partial writes a crash left behind. */
  list(): AsyncIterable<StoredBlob>;
  /** Removes one object by key; no error when it is already gone. */
  remove(key: string): Promise<void>;
}

/** `ab/cd/abcd…`: two levels of fan-out keep directories (and S3 listings) small. */
export const blobKey = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

export const isSha256 = (name: string) => /^[0-9a-f]{64}$/.test(name);

-- PDFs move out of the database rows into a content-addressed blob store (lib/storage): new rows keep only
-- the size, SHA-256 (the key) and CRC-32 computed once at write, so the campaign ZIP can write every header
-- without reading the bytes. Legacy rows keep their bytes until `npm run storage:move-out` copies them out.
ALTER TABLE "StoredFile" ALTER COLUMN "bytes" DROP NOT NULL,
ADD COLUMN "crc32" BIGINT;

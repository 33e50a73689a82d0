-- PDFs move out of the database rows into a content-addressed blob store (lib/storage): new rows keep only
-- the size, SHA-256 (the key) and CRC-32 computed once at write, so the campaign ZIP can write every header
-- without reading the bytes. Legacy rows keep their bytes until `npm run storage:move-out` copies them out.
ALTER TABLE "StoredFile" ALTER COLUMN "bytes" DROP NOT NULL,
ADD COLUMN "crc32" BIGINT;

-- A stored file stays immutable, with one exception: moving a legacy row's bytes out (its bytes set to NULL,
-- its CRC-32 filled in, nothing else changed). Deleting and every other change are still refused.
CREATE FUNCTION camket_guard_stored_file() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.sha256 = OLD.sha256 AND NEW.size = OLD.size AND NEW."contentType" = OLD."contentType"
      AND NEW."createdAt" = OLD."createdAt" AND OLD.bytes IS NOT NULL AND NEW.bytes IS NULL
      AND (OLD.crc32 IS NULL OR NEW.crc32 IS NOT DISTINCT FROM OLD.crc32) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% on % is not allowed: this table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER "StoredFile_immutable" ON "StoredFile";
CREATE TRIGGER "StoredFile_immutable" BEFORE UPDATE OR DELETE ON "StoredFile"
  FOR EACH ROW EXECUTE FUNCTION camket_guard_stored_file();

import type { S3Client } from "@aws-sdk/client-s3";
import { blobKey, isSha256, type BlobStore, type StoredBlob } from "./blob-store";

export type S3Settings = { bucket: string; endpoint?: string; region?: string };

/**
 * Blobs as objects of one S3 bucket (AWS, or any S3-compatible server such as MinIO), keyed `ab/cd/abcd…`.
 * Credentials come the SDK's usual way (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance
 * role). With an endpoint, path-style addressing (what self-hosted servers expect). The SDK is loaded on
 * first use, so a filesystem deployment never pays for it.
 */
export function s3BlobStore(settings: S3Settings): BlobStore {
  const { bucket } = settings;
  let client: Promise<{ s3: S3Client; sdk: typeof import("@aws-sdk/client-s3") }> | undefined;
  const connect = () => {
    // The SDK warns once per process that Node 20 support ends; camket's Node floor is documented in the README.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    return (client ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: settings.region || process.env.AWS_REGION || "us-east-1",
        ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
      }),
    })));
  };

  async function getObject(sha256: string) {
    const { s3, sdk } = await connect();
    try {
      return await s3.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: blobKey(sha256) }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  return {
    location: `s3://${bucket}${settings.endpoint ? ` (${settings.endpoint})` : ""}`,

    async put(sha256, bytes) {
      const { s3, sdk } = await connect();
      // Rewriting the same bytes is harmless and refreshes LastModified, which orphan cleanup's grace counts from.
      await s3.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: blobKey(sha256), Body: bytes, ContentLength: bytes.byteLength }));
    },

    async get(sha256) {
      const object = await getObject(sha256);
      return object?.Body ? await object.Body.transformToByteArray() : null;
    },

    async openStream(sha256) {
      const object = await getObject(sha256);
      return object?.Body ? (object.Body as unknown as AsyncIterable<Uint8Array>) : null;
    },

    async *list(): AsyncGenerator<StoredBlob> {
      const { s3, sdk } = await connect();
      let token: string | undefined;
      do {
        const page = await s3.send(new sdk.ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          const name = object.Key?.split("/").at(-1) ?? "";
          if (object.Key && isSha256(name) && object.Key === blobKey(name)) yield { key: object.Key, sha256: name, modifiedAt: object.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    async remove(key) {
      const { s3, sdk } = await connect();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

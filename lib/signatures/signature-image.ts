import { z } from "zod";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const MAX_SIGNATURE_IMAGE_BYTES = 300 * 1024;
const MAX_SIDE = 2000;

/**
 * The drawn (or typed) signature the browser sends as a PNG data URL. Checked here, before anything is
 * signed: really a PNG, not empty, not huge (a 10 MB "signature" would bloat every copy of the archive).
 */
export const signatureImageSchema = z
  .string({ error: "Chưa có chữ ký: hãy vẽ hoặc gõ chữ ký của bạn" })
  .min(1, "Chưa có chữ ký: hãy vẽ hoặc gõ chữ ký của bạn")
  .max(Math.ceil((MAX_SIGNATURE_IMAGE_BYTES * 4) / 3) + 100, "Ảnh chữ ký quá lớn (tối đa 300 KB)")
  .transform((value, ctx) => {
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "Ảnh chữ ký phải là ảnh PNG" });
      return z.NEVER;
    }
    const bytes = new Uint8Array(Buffer.from(match[1], "base64"));
    if (bytes.length < 33 || PNG_MAGIC.some((b, i) => bytes[i] !== b)) {
      ctx.addIssue({ code: "custom", message: "Ảnh chữ ký phải là ảnh PNG" });
      return z.NEVER;
    }
    if (bytes.length > MAX_SIGNATURE_IMAGE_BYTES) {
      ctx.addIssue({ code: "custom", message: "Ảnh chữ ký quá lớn (tối đa 300 KB)" });
      return z.NEVER;
    }
    // IHDR: width and height, big-endian, right after the 8-byte magic and the 8-byte chunk header.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE) {
      ctx.addIssue({ code: "custom", message: "Kích thước ảnh chữ ký không hợp lệ" });
      return z.NEVER;
    }
    return bytes;
  });

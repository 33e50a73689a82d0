import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const MAX_SIGNATURE_IMAGE_BYTES = 300 * 1024;
const MAX_SIDE = 2000;
const MISSING = messageRef("signing.signatureImage.missing");
const TOO_LARGE = messageRef("signing.signatureImage.tooLarge");
const NOT_PNG = messageRef("signing.signatureImage.notPng");

/**
 * The drawn (or typed) signature the browser sends as a PNG data URL. Checked here, before anything is
 * signed: really a PNG, not empty, not huge (a 10 MB "signature" would bloat every copy of the archive).
 */
export const signatureImageSchema = z
  .string({ error: MISSING })
  .min(1, MISSING)
  .max(Math.ceil((MAX_SIGNATURE_IMAGE_BYTES * 4) / 3) + 100, TOO_LARGE)
  .transform((value, ctx) => {
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: "custom", message: NOT_PNG });
      return z.NEVER;
    }
    const bytes = new Uint8Array(Buffer.from(match[1], "base64"));
    if (bytes.length < 33 || PNG_MAGIC.some((b, i) => bytes[i] !== b)) {
      ctx.addIssue({ code: "custom", message: NOT_PNG });
      return z.NEVER;
    }
    if (bytes.length > MAX_SIGNATURE_IMAGE_BYTES) {
      ctx.addIssue({ code: "custom", message: TOO_LARGE });
      return z.NEVER;
    }
    // IHDR: width and height, big-endian, right after the 8-byte magic and the 8-byte chunk header.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE) {
      ctx.addIssue({ code: "custom", message: messageRef("signing.signatureImage.badSize") });
      return z.NEVER;
    }
    return bytes;
  });

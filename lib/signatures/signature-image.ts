import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
import { PNG_MAGIC, readPngStructure } from "./png-structure";

export const MAX_SIGNATURE_IMAGE_BYTES = 300 * 1024;
const MAX_SIDE = 2000;
const MISSING = messageRef("signing.signatureImage.missing");
const TOO_LARGE = messageRef("signing.signatureImage.tooLarge");
const NOT_PNG = messageRef("signing.signatureImage.notPng");
const DAMAGED = messageRef("signing.signatureImage.damaged");

/**
 * The drawn (or typed) signature the browser sends as a PNG data URL. Checked here, before anything is
 * signed — and so before the password is checked: really a PNG, whole and decodable (a cut-off upload
 * used to fail inside the PDF library, after the password), not empty, not huge (a 10 MB "signature"
 * would bloat every copy of the archive).
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
    if (bytes.length < PNG_MAGIC.length || PNG_MAGIC.some((b, i) => bytes[i] !== b)) {
      ctx.addIssue({ code: "custom", message: NOT_PNG });
      return z.NEVER;
    }
    if (bytes.length > MAX_SIGNATURE_IMAGE_BYTES) {
      ctx.addIssue({ code: "custom", message: TOO_LARGE });
      return z.NEVER;
    }
    const structure = readPngStructure(bytes, MAX_SIDE);
    if (!structure.ok) {
      ctx.addIssue({ code: "custom", message: structure.problem === "badSize" ? messageRef("signing.signatureImage.badSize") : DAMAGED });
      return z.NEVER;
    }
    return bytes;
  });

import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who signs documents, and so who may register a certificate of their own. */
export const SIGNER_ROLES: Role[] = ["UNIT_HEAD", "CHAIRPERSON", "DEPUTY"];

export const externalMethodSchema = z.enum(["AGENT", "PKCS12", "CSC"]);

/** A certificate as the page sends it: base64 DER, at most 20 KB once decoded. */
export const certificateDerSchema = z
  .base64()
  .min(40)
  .max(27_400)
  .transform((text) => new Uint8Array(Buffer.from(text, "base64")));

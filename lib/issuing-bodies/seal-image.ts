import { PNG_MAGIC, readPngStructure } from "@/lib/signatures/png-structure";

export const MAX_SEAL_BYTES = 512 * 1024;
const MAX_SIDE = 2000;
const MIN_SIDE = 100;

export type SealProblem = "missing" | "notPng" | "tooLarge" | "damaged" | "tooManyPixels" | "tooSmall" | "notTransparent";

/**
 * Whether uploaded bytes can be a body's seal (App. I §II.8: a red seal on a transparent PNG, printed at
 * its true size over the signature): really a PNG, whole, a sane size in bytes and pixels, and able to
 * show the text under it — an alpha channel or a tRNS chunk, else the seal would blot out the signature.
 */
export function sealImageProblem(bytes: Uint8Array): SealProblem | null {
  if (bytes.length === 0) return "missing";
  if (bytes.length < PNG_MAGIC.length || PNG_MAGIC.some((b, i) => bytes[i] !== b)) return "notPng";
  if (bytes.length > MAX_SEAL_BYTES) return "tooLarge";
  const structure = readPngStructure(bytes, MAX_SIDE);
  if (!structure.ok) return structure.problem === "badSize" ? "tooManyPixels" : "damaged";
  if (structure.width < MIN_SIDE || structure.height < MIN_SIDE) return "tooSmall";
  return structure.transparent ? null : "notTransparent";
}

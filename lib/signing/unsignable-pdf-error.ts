/**
 * A PDF the incremental writer will not sign, and why. Signing appends to the file as it is, so a file whose
 * structure cannot be read exactly (damaged cross-references, encryption, a page tree past any sane size) is
 * refused rather than repaired: a repaired copy would not be the document the earlier signatures cover.
 */
export type UnsignableReason = "damaged" | "encrypted" | "too-complex" | "no-such-page" | "field-exists";

export class UnsignablePdfError extends Error {
  constructor(
    readonly reason: UnsignableReason,
    detail: string,
  ) {
    super(`Cannot sign this PDF (${reason}): ${detail}`);
    this.name = "UnsignablePdfError";
  }
}

import type { SignatureAppearance } from "@/lib/signing/draw-signature-stamp";
import { formatSigningTime } from "@/lib/time/vietnam-time";

/**
 * Signing for someone else (App. I §II.7.b): KT. (a deputy for the head: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"),
 * Q. (acting head: "Q. CHỦ TỊCH"), TM. (for a collective: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH").
 */
export type OnBehalfOf = { prefix: "KT." | "Q." | "TM."; principalTitle: string; signerTitle: string };

const upper = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleUpperCase("vi");

/**
 * What one signer's widget draws (App. I ô 7): the authority when signing on behalf, the signature image,
 * the signer's full name in bold, and when they signed. No title or unit: the base page prints the title
 * above the slot, and the unit is the header's.
 */
export function signerAppearance({
  signerName,
  now,
  imagePng,
  onBehalfOf,
}: {
  signerName: string;
  now: Date;
  imagePng?: Uint8Array;
  onBehalfOf?: OnBehalfOf;
}): SignatureAppearance {
  const heading = onBehalfOf && [
    `${onBehalfOf.prefix} ${upper(onBehalfOf.principalTitle)}`,
    // An acting head's title is the principal's, already on the first line.
    ...(onBehalfOf.prefix === "Q." ? [] : [upper(onBehalfOf.signerTitle)]),
  ];
  return { imagePng, heading, name: signerName, lines: [`Ký số: ${formatSigningTime(now)} (+07:00)`] };
}

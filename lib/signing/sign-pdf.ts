import { appendSignatureRevision, type SignatureRevisionInput } from "./append-signature-revision";
import type { SignatureAppearance, SignatureSlot } from "./draw-signature-stamp";
import { signatureCapacity, writeContents, type PreparedSignature } from "./pdf-signature-placeholder";
import { hexTextString, pdfDateString } from "./pdf-text-string";
import type { Signer } from "./signer";
import { addSignatureTimestamp, type SignatureTimestamper } from "./timestamp";

export type { SignatureAppearance, SignatureSlot } from "./draw-signature-stamp";

export interface SignPdfOptions {
  pdf: Uint8Array;
  signer: Signer;
  /** Unique per document, e.g. "NguoiCamKet" / "ChuTichXacNhan". */
  fieldName: string;
  slot: SignatureSlot;
  appearance: SignatureAppearance;
  signingTime: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  name?: string;
  /** RFC 3161 time-stamping: makes the signature PAdES B-T. */
  timestamper?: SignatureTimestamper;
  extraWidgets?: SignatureRevisionInput["extraWidgets"];
}

/**
 * Adds a visible PAdES signature as a new incremental revision: earlier revisions (and their
 * signatures) stay byte-for-byte intact, so the same call signs and countersigns.
 */
export async function signPdf(options: SignPdfOptions): Promise<Uint8Array> {
  const prepared = await prepareSignature(options, options.signer.certificateChain());
  return embedSignature(prepared, await options.signer.sign({ contentDigest: prepared.contentDigest }), options.timestamper);
}

/** The second phase, whoever made the CMS: time-stamped when a timestamper is given (PAdES B-T), then written into /Contents. */
export async function embedSignature(prepared: Omit<PreparedSignature, "contentDigest">, cms: Uint8Array, timestamper?: SignatureTimestamper): Promise<Uint8Array> {
  return writeContents(prepared, timestamper ? await addSignatureTimestamp(cms, timestamper) : cms);
}

/**
 * The revision with an empty /Contents sized for `chain`, and the digest to sign: the first phase, for a
 * signer (token, remote service) that returns its signature later.
 */
export function prepareSignature(options: Omit<SignPdfOptions, "signer">, chain: readonly Uint8Array[]): Promise<PreparedSignature> {
  const text: [string, string | undefined][] = [
    ["Name", options.name],
    ["Reason", options.reason],
    ["Location", options.location],
    ["ContactInfo", options.contactInfo],
  ];
  return appendSignatureRevision({
    pdf: options.pdf,
    fieldName: options.fieldName,
    stamp: { slot: options.slot, appearance: options.appearance },
    extraWidgets: options.extraWidgets,
    signatureEntries: [
      "/Filter /Adobe.PPKLite",
      "/SubFilter /ETSI.CAdES.detached",
      `/M ${pdfDateString(options.signingTime)}`,
      ...text.filter(([, value]) => value).map(([key, value]) => `/${key} ${hexTextString(value!)}`),
    ],
    capacity: signatureCapacity(chain, options.timestamper?.tokenCapacity ?? 0),
  });
}

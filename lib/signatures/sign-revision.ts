import { z } from "zod";
import type { Actor } from "@/lib/auth/find-active-user";
import { getFile, sha256Hex } from "@/lib/storage/file-store";
import { messagesFor } from "@/lib/i18n/messages-for";
import { prepareSignature, signPdf, type SignPdfOptions } from "@/lib/signing/sign-pdf";
import type { PreparedSignature } from "@/lib/signing/pdf-signature-placeholder";
import type { Signer } from "@/lib/signing/signer";
import { UnsignablePdfError } from "@/lib/signing/unsignable-pdf-error";
import { TimestampError } from "@/lib/signing/timestamp";
import { signatureTimestamperFor } from "@/lib/timestamping/signature-timestamper-for";
import { timestampRefusal } from "@/lib/timestamping/timestamp-refusal";
import { addLongTermData } from "@/lib/long-term/add-long-term-data";
import { unprintableRefusal } from "@/lib/documents/render-assignment-pdf";
import type { SigningTarget } from "./load-signing-context";
import { signerAppearance, type OnBehalfOf } from "./stamp-lines";
import { archivesDocument, SIGNING_ROLES, type SignedRevision, type SigningRole } from "./store-signatures";
import { issuanceRevisionOptions, type IssuanceFacts } from "@/lib/issuance/issuance-appearance";

const slotSchema = z.object({ page: z.number().int().min(0), x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });
// number and date (ô 3, ô 4): reserved by documents rendered since issue 14 (the ORGANISATION revision fills them).
const slotsSchema = z.object({ head: slotSchema, chairperson: slotSchema, number: slotSchema.optional(), date: slotSchema.optional() });


export interface RevisionParams {
  actor: Actor;
  target: SigningTarget;
  role: SigningRole;
  imagePng?: Uint8Array;
  /** Set when a deputy signs in the named signer's place: the widget shows the authority above the image. */
  onBehalfOf?: OnBehalfOf;
  now: Date;
  /** The current PDF when the caller read it already (a bulk chunk reads all of them at once); null: missing. */
  pdf?: Uint8Array | null;
  /** The ORGANISATION role's number, code, body and seal (lib/issuance). */
  issuance?: IssuanceFacts;
}

/**
 * The assignment's current PDF with one more PAdES signature and its visible stamp in the role's block, as
 * a new incremental revision (earlier signatures stay valid); nothing is stored yet.
 */
export async function signRevision(
  params: RevisionParams & {
    /** From openSigner, made once per request: a bulk chunk signs every revision with the same one. */
    signer: Signer;
  },
): Promise<{ revision: SignedRevision } | { refusal: string }> {
  // PAdES B-LT after it (the signer's certificate was read as good by this request; the store statement re-checks
  // it), and B-LTA when the revision finishes the document; a TSA failure here refuses like the signature's own.
  const built = await buildRevision(params, async (options) =>
    addLongTermData(await signPdf({ ...options, signer: params.signer }), {
      vouched: params.signer.certificateChain().slice(0, 1),
      now: params.now,
      timestamper: options.timestamper!,
      archive: archivesDocument(params.role),
    }),
  );
  if ("refusal" in built) return built;
  const { bytes, archiveTimestamp } = built.value;
  const { id: assignmentId, unitId, campaignId, documentSha256: sha256Before } = params.target;
  return { revision: { assignmentId, unitId, campaignId, sha256Before, sha256After: sha256Hex(bytes), bytes, archiveTimestamp } };
}

/** The same revision prepared for a key the server does not hold: /Contents empty, sized for `chain` (phase one). */
export function prepareRevision(params: RevisionParams, chain: Uint8Array[]): Promise<{ value: PreparedSignature } | { refusal: string }> {
  return buildRevision(params, (options) => prepareSignature(options, chain));
}

/**
 * The role's revision options (field, slot, stamp lines, dictionary entries) handed to `build`; a damaged
 * stored PDF or a name the stamp font cannot print becomes the refusal the signer sees.
 */
async function buildRevision<T>(params: RevisionParams, build: (options: Omit<SignPdfOptions, "signer">) => Promise<T>): Promise<{ value: T } | { refusal: string }> {
  const { actor, target, now } = params;
  const role = SIGNING_ROLES[params.role];
  const slots = slotsSchema.safeParse(target.slots);
  const pdf = params.pdf === undefined ? await getFile(target.documentSha256) : params.pdf;
  if (!slots.success || !pdf) return { refusal: messagesFor(actor).signing.results.pdfUnreadable };
  try {
    const { head, number, date } = slots.data;
    if (params.issuance && (!number || !date)) return { refusal: messagesFor(actor).issuance.refusals.renderedBeforeIssuance };
    const appearance =
      params.issuance && number && date
        ? await issuanceRevisionOptions({ head, number, date }, params.issuance, now)
        : {
            slot: slots.data[role.slot],
            appearance: signerAppearance({ signerName: actor.fullName, now, imagePng: params.imagePng, onBehalfOf: params.onBehalfOf }),
            name: actor.fullName,
            location: "Phan Thiết, Bình Thuận, Việt Nam",
          };
    return {
      value: await build({
        pdf,
        fieldName: role.field,
        ...appearance,
        signingTime: now,
        reason: role.reason,
        contactInfo: actor.email,
        timestamper: signatureTimestamperFor({ actorId: actor.id, actorEmail: actor.email, assignmentId: target.id, unitId: target.unitId, campaignId: target.campaignId }),
      }),
    };
  } catch (error) {
    // The TSA failed and the deployment refuses B-B (recorded by the timestamper): nothing was signed.
    if (error instanceof TimestampError) return { refusal: timestampRefusal(actor) };
    // camket renders every PDF it signs, so one the writer cannot read is a damaged stored file: say so, log why.
    if (error instanceof UnsignablePdfError) {
      console.error(`assignment ${target.id}: stored PDF ${target.documentSha256} is unsignable: ${error.message}`);
      return { refusal: messagesFor(actor).signing.results.pdfUnreadable };
    }
    // The signer's name, title or unit stored before input refused characters the stamp's font lacks.
    const refusal = unprintableRefusal(error, actor);
    if (refusal === null) throw error;
    return { refusal };
  }
}

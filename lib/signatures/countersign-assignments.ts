import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { SIGNING_RECHECK } from "@/lib/auth/login-throttle";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { idSchema } from "@/lib/forms/text-fields";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { getFiles } from "@/lib/storage/file-store";
import { signatureImageSchema } from "./signature-image";
import { verifySigningGrant } from "./signing-grant";
import { loadSigningContext } from "./load-signing-context";
import { signRevision } from "./sign-revision";
import { openSigner } from "./open-signer";
import { storeSignatures, type SignedRevision } from "./store-signatures";
import { COUNTERSIGN_CHUNK } from "./countersign-chunk";
import { countersignRefusal } from "./countersign-refusal";
import { signingOnBehalf } from "@/lib/delegations/signing-on-behalf";

const chunkSchema = z.object({
  assignmentIds: z.array(idSchema("assignment")).min(1).max(COUNTERSIGN_CHUNK),
  grant: z.string().min(1).max(500),
  signatureImage: z
    .string()
    .optional()
    .transform((s) => s || undefined)
    .pipe(signatureImageSchema.optional()),
});

export type CountersignOutcome = { assignmentId: string; ok: boolean; message: string };
export type CountersignChunkResult = FormResult & { outcomes?: CountersignOutcome[] };

/**
 * CHAIRPERSON — or the deputy they delegated to, within its period, "KT. CHỦ TỊCH" with their own key —
 * countersigns a chunk of SIGNED assignments with one password grant: one statement reads the
 * chunk, one reads its PDFs, each is signed in turn, then one transaction stores every revision
 * (lib/signatures/store-signatures). Exactly once, as for one: an assignment countersigned meanwhile in
 * another session is skipped and reported, the others are stored. One outcome per id, in the given order.
 */
export async function countersignAssignments(
  actor: Actor | null,
  input: unknown,
  context: AuditContext = {},
  now = new Date(),
): Promise<CountersignChunkResult> {
  if (!hasRole(actor, "CHAIRPERSON", "DEPUTY")) return forbidden(actor);
  const messages = messagesFor(actor);
  const { signing } = messages;
  const m = signing.results;
  const parsed = chunkSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const { assignmentIds, grant, signatureImage } = parsed.data;
  // Like the head's, the countersignature carries the chairperson's drawn or typed signature (App. I ô 7b).
  if (!signatureImage) return failure(signing.signatureImage.missing, { signatureImage: [signing.signatureImage.missing] });
  if (!verifySigningGrant(grant, actor.id, now)) return failure(m.grantExpired);

  const { assignments, certificate, serverKeyAllowed } = await loadSigningContext(actor, assignmentIds, SIGNING_RECHECK, { deputyRole: "CHAIRPERSON", now });
  const opened = await openSigner(actor, { certificate, serverKeyAllowed }, now);
  if ("refusal" in opened) return failure(opened.refusal);
  const signable = [...assignments.values()].filter((a) => a.status === "SIGNED");
  const pdfs = await getFiles(signable.map((a) => a.documentSha256));

  const refusals = new Map<string, string>();
  const revisions: SignedRevision[] = [];
  // Every row carries the same delegation (from the chairperson), so the chunk is stored under one.
  const { onBehalfOf, delegation } = signingOnBehalf(actor, [...assignments.values()][0]?.delegation ?? null);
  for (const id of assignmentIds) {
    const target = assignments.get(id);
    const refusal = countersignRefusal(target, actor, messages, now);
    if (refusal || !target) refusals.set(id, refusal ?? m.notFound);
    else {
      const pdf = pdfs.get(target.documentSha256) ?? null;
      const signed = await signRevision({ actor, target, role: "CHAIRPERSON", signer: opened.signer, imagePng: signatureImage, now, pdf, onBehalfOf });
      if ("refusal" in signed) refusals.set(id, signed.refusal);
      else revisions.push(signed.revision);
    }
  }

  const { stored, revoked } = revisions.length
    ? await storeSignatures({ actor, role: "CHAIRPERSON", certificate: opened.certificate, revisions, context, now, delegation })
    : { stored: new Set<string>(), revoked: false };
  const outcomes = assignmentIds.map((id): CountersignOutcome => {
    const unit = { unit: assignments.get(id)?.unitName ?? "" };
    if (stored.has(id)) return { assignmentId: id, ok: true, message: formatMessage(m.countersigned, unit) };
    const refusal = refusals.get(id) ?? (revoked ? m.certificateRevoked : m.signedInAnotherSession);
    return { assignmentId: id, ok: false, message: refusal };
  });
  return { ok: outcomes.some((o) => o.ok), message: outcomes.find((o) => !o.ok)?.message, outcomes };
}

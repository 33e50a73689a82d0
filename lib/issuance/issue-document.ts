import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";
import { uniqueViolation } from "@/lib/db/unique-violation";
import { documentCode, numberLine } from "@/lib/documents/issuance-lines";
import { formatMessage } from "@/lib/i18n/format-message";
import { campaignClosedRefusal } from "@/lib/campaigns/campaign-open-refusal";
import { messagesFor } from "@/lib/i18n/messages-for";
import { appUrl } from "@/lib/reminders/app-url";
import { deliverQueuedReminders } from "@/lib/reminders/deliver-queued-reminders";
import { queueReminders, type QueuedReminder } from "@/lib/reminders/queue-reminders";
import { signRevision } from "@/lib/signatures/sign-revision";
import { storeSignatures } from "@/lib/signatures/store-signatures";
import { getFile } from "@/lib/storage/file-store";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";
import { issuedMessage } from "./issued-message";
import { loadIssuanceTarget } from "./load-issuance-target";
import { openOrganisationSigner } from "./open-organisation-signer";

export type IssueOutcome = { ok: true; unit: string; numberLine: string } | { ok: false; unit: string | null; refusal: string };

/** Ends the transaction without storing anything; the refusal is what the clerk reads. */
class Refused extends Error {
  constructor(readonly refusal: string) {
    super(refusal);
  }
}

/** The register row this issuance would add collided with one already there (a counter set back). */
const REGISTER_NUMBER_KEY = "OutgoingDocument_issuingBodyId_year_number_key";

/**
 * Registers, seals and releases one COMPLETED assignment for a clerk of its unit's issuing body (Decree 30
 * Arts. 15–16). After the checks (the clerk's body, status, campaign open, seal uploaded, and the stored PDF's
 * two signatures verified as the verification page does), ONE transaction takes the body's next number for
 * the year in Việt Nam (the counter row's lock holds back every other issuance of that body until commit, in
 * any app instance), signs the ORGANISATION revision with that number and today's date, stores it with its
 * register row and audit event (lib/signatures/store-signatures), and queues the notice to the signer and the
 * chairperson. Any failure rolls all of it back, the number included: numbers never skip or repeat.
 */
export async function issueDocument(actor: Actor, clerkBodyId: string, assignmentId: string, context: AuditContext, now = new Date()): Promise<IssueOutcome> {
  const m = messagesFor(actor).issuance;
  const loaded = await loadIssuanceTarget(assignmentId);
  if (!loaded) return { ok: false, unit: null, refusal: m.refusals.notFound };
  const { target, campaign, body, notify } = loaded;
  const refuse = (refusal: string): IssueOutcome => ({ ok: false, unit: target.unitName, refusal });
  if (body.id !== clerkBodyId) return refuse(m.refusals.wrongBody);
  if (target.status === "ISSUED") return refuse(m.refusals.alreadyIssued);
  if (target.status !== "COMPLETED") return refuse(m.refusals.notCompleted);
  const closed = campaignClosedRefusal(campaign, messagesFor(actor));
  if (closed) return refuse(closed);
  const sealPng = body.sealPng;
  if (!sealPng) return refuse(m.refusals.noSeal);
  const pdf = await getFile(target.documentSha256);
  const verified = await verifyUploadedPdf(actor, pdf);
  // The head's and the chairperson's; the completion's document timestamp (B-LTA) is no signature.
  const signatures = verified.ok ? verified.signatures.filter((s) => s.kind === "signature") : [];
  if (!pdf || !verified.ok || verified.verdict !== "valid" || signatures.length !== 2) return refuse(m.refusals.signaturesInvalid);

  const opened = await openOrganisationSigner(body, now);
  const code = documentCode(campaign.documentTypeCode, body.abbreviation);
  const year = Number(vietnamToday(now).slice(0, 4));
  let number = 0;
  let queued: QueuedReminder[];
  try {
    queued = await prisma.$transaction(async (tx) => {
      const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
        INSERT INTO "DocumentCounter" ("issuingBodyId", year, "lastNumber", "updatedAt") VALUES (${body.id}, ${year}, 1, ${now})
        ON CONFLICT ("issuingBodyId", year) DO UPDATE SET "lastNumber" = "DocumentCounter"."lastNumber" + 1, "updatedAt" = ${now}
        RETURNING "lastNumber"`;
      number = counter!.lastNumber;
      const signed = await signRevision({
        actor,
        target,
        role: "ORGANISATION",
        signer: opened.signer,
        pdf,
        now,
        issuance: { bodyName: body.name, placeName: body.placeName, sealPng, sealDiameterMm: body.sealDiameterMm, number, code },
      });
      if ("refusal" in signed) throw new Refused(signed.refusal);
      const { stored, revoked } = await storeSignatures({
        actor,
        role: "ORGANISATION",
        certificate: opened.certificate,
        revisions: [signed.revision],
        context,
        now,
        db: tx,
        register: { issuingBodyId: body.id, year, number, code, subject: campaign.subject, signerName: target.headName, recipients: campaign.recipients },
      });
      if (revoked) throw new Refused(m.refusals.certificateRevoked);
      if (!stored.has(target.id)) throw new Refused(m.refusals.changedMeanwhile);
      const recipients = [notify.headEmail, notify.chairpersonEmail].filter(Boolean).join(", ");
      const message = issuedMessage({ numberLine: numberLine(number, code), unitName: target.unitName, campaignName: campaign.name, link: `${appUrl()}/cam-ket/${target.id}` });
      return queueReminders(tx, [{ assignmentId: target.id, unitId: target.unitId, campaignId: target.campaignId, recipientEmail: recipients, ...message }], {
        kind: "MANUAL",
        sentById: actor.id,
        context,
        now,
      });
      // One body's issuances queue on the counter's row lock (~50 ms each): Prisma's defaults (2 s to start,
      // 5 s to finish) would fail the tail of a burst of clerks; a minute covers hundreds queued at once.
    }, { maxWait: 60_000, timeout: 60_000 });
  } catch (error) {
    if (error instanceof Refused) return refuse(error.refusal);
    if (isRegisterCollision(error)) return refuse(formatMessage(m.refusals.numberTaken, { number, year, body: body.name }));
    throw error;
  }
  await deliverQueuedReminders(queued);
  return { ok: true, unit: target.unitName, numberLine: numberLine(number, code) };
}

/** A raw statement's unique violation reaches here as PostgreSQL's own error (23505), not Prisma's P2002. */
function isRegisterCollision(error: unknown): boolean {
  return (uniqueViolation(error) ?? String(error)).includes(REGISTER_NUMBER_KEY);
}

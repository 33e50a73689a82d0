import type { Actor } from "@/lib/auth/find-active-user";
import { failure, success, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { messagesFor } from "@/lib/i18n/messages-for";
import { signingOnBehalf } from "@/lib/delegations/signing-on-behalf";
import type { StoredCertificate } from "./user-certificate-store";
import type { SigningTarget } from "./load-signing-context";
import { signRevision } from "./sign-revision";
import { openSigner } from "./open-signer";
import { storeSignatures, type SigningRole } from "./store-signatures";

/**
 * One signature end to end (countersignatures, one or many, run the same steps per chunk in
 * lib/signatures/countersign-assignments): a new incremental PDF revision with a PAdES signature and
 * visible stamp, then — in one transaction — the new bytes, the version row, the status change and the
 * audit event (lib/signatures/store-signatures). The status flip is conditional on the exact hash signed, so of two concurrent signatures exactly one is
 * stored; the other changes nothing. A deputy signs with their own key under the delegation read with the
 * assignment (already checked valid): the stamp prints it, the document row and the audit event record it.
 */
export async function applySignature(params: {
  actor: Actor;
  assignment: SigningTarget;
  /** The server-held key to sign with, and whether the admin allows this person to use it. */
  key: { certificate: StoredCertificate | null; serverKeyAllowed: boolean };
  role: SigningRole;
  imagePng?: Uint8Array;
  context: AuditContext;
  now: Date;
  successMessage: string;
}): Promise<FormResult> {
  const { actor, now } = params;
  const m = messagesFor(actor).signing.results;
  const opened = await openSigner(actor, params.key, now);
  if ("refusal" in opened) return failure(opened.refusal);
  const { onBehalfOf, delegation } = signingOnBehalf(actor, params.assignment.delegation);
  const signed = await signRevision({ actor, target: params.assignment, role: params.role, signer: opened.signer, imagePng: params.imagePng, now, onBehalfOf });
  if ("refusal" in signed) return failure(signed.refusal);
  const { stored, revoked } = await storeSignatures({
    actor,
    role: params.role,
    certificate: opened.certificate,
    revisions: [signed.revision],
    context: params.context,
    now,
    delegation,
  });
  if (stored.size === 1) return success(params.successMessage);
  return failure(revoked ? m.certificateRevoked : m.signedInAnotherSession);
}

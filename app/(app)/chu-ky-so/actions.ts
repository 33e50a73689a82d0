"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { runAction } from "@/lib/forms/run-action";
import { listCscCredentialsForSigner, sendCscOtpForSigner, signHashesForSigner, type CscCredentialsResult } from "@/lib/csc/csc-for-signer";
import { registerSigningCertificate, type RegisteredCertificate } from "@/lib/signer-certificates/register-signing-certificate";
import { prepareExternalSignatures, type PreparedExternalSignatures } from "@/lib/signatures/prepare-external-signatures";
import { finalizeExternalSignatures, type FinalizedExternalSignatures } from "@/lib/signatures/finalize-external-signatures";

/** Registers the certificate of a key the signer holds (idempotent for their own): lib decides and words the result. */
export async function registerCertificateAction(input: unknown): Promise<RegisteredCertificate> {
  return runAction("registerCertificateAction", async () => {
    const actor = await getCurrentUser();
    const result = await registerSigningCertificate(actor, input, await auditContextFor(actor));
    if (result.ok) revalidatePath("/chu-ky-so");
    return result;
  });
}

/** Phase one for one document (a head) or a chunk (the chairperson): what the external key must sign. */
export async function prepareExternalSignaturesAction(input: unknown): Promise<PreparedExternalSignatures> {
  return runAction("prepareExternalSignaturesAction", async () => prepareExternalSignatures(await getCurrentUser(), input));
}

/** Phase two: the signature values; stored like any signature. */
export async function finalizeExternalSignaturesAction(input: unknown): Promise<FinalizedExternalSignatures> {
  return runAction("finalizeExternalSignaturesAction", async () => {
    const actor = await getCurrentUser();
    const result = await finalizeExternalSignatures(actor, input, await auditContextFor(actor));
    if (result.ok) revalidatePath("/", "layout");
    return result;
  });
}

/** The signer's remote-signing credentials (or that their account is not linked). */
export async function listCscCredentialsAction(): Promise<CscCredentialsResult> {
  return runAction("listCscCredentialsAction", async () => listCscCredentialsForSigner(await getCurrentUser()));
}

export async function sendCscOtpAction(credentialId: string): Promise<FormResult> {
  return runAction("sendCscOtpAction", async () => sendCscOtpForSigner(await getCurrentUser(), credentialId));
}

/** Remote signing: the prepared hashes, signed by the provider under one PIN/OTP authorization. */
export async function signHashesWithCscAction(input: unknown): Promise<FormResult & { signatures?: string[] }> {
  return runAction("signHashesWithCscAction", async () => signHashesForSigner(await getCurrentUser(), input));
}

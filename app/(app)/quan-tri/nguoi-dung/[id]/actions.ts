"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { unlockUserLogin } from "@/lib/users/unlock-user-login";
import { signOutUserEverywhere } from "@/lib/users/sign-out-user-everywhere";
import { setUserSigningOptions } from "@/lib/users/set-user-signing-options";
import { decideCertificateBinding } from "@/lib/signer-certificates/decide-certificate-binding";
import { resetSecondFactor } from "@/lib/second-factor/reset-second-factor";

// The sign-in controls on one user's admin page; the lib operations check the ADMIN role themselves.

export async function unlockUserLoginAction(userId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("unlockUserLoginAction", async () => {
    const actor = await getCurrentUser();
    const result = await unlockUserLogin(actor, userId, await auditContextFor(actor));
    if (result.ok) revalidatePath(`/quan-tri/nguoi-dung/${userId}`);
    return result;
  });
}

export async function resetSecondFactorAction(userId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("resetSecondFactorAction", async () => {
    const actor = await getCurrentUser();
    const result = await resetSecondFactor(actor, userId, await auditContextFor(actor));
    if (result.ok) revalidatePath(`/quan-tri/nguoi-dung/${userId}`);
    return result;
  });
}

export async function signOutUserEverywhereAction(userId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("signOutUserEverywhereAction", async () => {
    const actor = await getCurrentUser();
    return signOutUserEverywhere(actor, userId, await auditContextFor(actor));
  });
}

export async function setSigningOptionsAction(userId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("setSigningOptionsAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const input = { userId, signingMethods: form.getAll("signingMethods"), certificateIdentifier: form.get("certificateIdentifier") ?? "" };
    const result = await setUserSigningOptions(actor, input, await auditContextFor(actor));
    if (result.ok) revalidatePath(`/quan-tri/nguoi-dung/${userId}`);
    return result;
  });
}

export async function decideCertificateBindingAction(userId: string, certificateId: string, decision: "approve" | "reject", _prev: FormResult): Promise<FormResult> {
  return runAction("decideCertificateBindingAction", async () => {
    const actor = await getCurrentUser();
    const result = await decideCertificateBinding(actor, { certificateId, decision }, await auditContextFor(actor));
    if (result.ok) revalidatePath(`/quan-tri/nguoi-dung/${userId}`);
    return result;
  });
}

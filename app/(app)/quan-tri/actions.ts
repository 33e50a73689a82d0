"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { formDataToObject, type FormResult } from "@/lib/forms/form-result";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { saveUnit } from "@/lib/units/save-unit";
import { setUnitActive } from "@/lib/units/set-unit-active";
import { assignUnitHead } from "@/lib/units/assign-unit-head";
import { saveUser } from "@/lib/users/save-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { resetUserPassword } from "@/lib/users/reset-user-password";

// Each action: who is asking (from the session, re-read from the DB), then the lib operation, which
// checks the role itself and validates the input with zod. Nothing here trusts the form.

export async function saveUnitAction(unitId: string | undefined, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("saveUnitAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await saveUnit(actor, formDataToObject(form), unitId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    if (result.ok && unitId === undefined) redirect(`/quan-tri/don-vi/${result.id}`);
    return result;
  });
}

export async function setUnitActiveAction(unitId: string, active: boolean, _prev: FormResult): Promise<FormResult> {
  return runAction("setUnitActiveAction", async () => {
    const actor = await getCurrentUser();
    const result = await setUnitActive(actor, unitId, active, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    return result;
  });
}

export async function assignUnitHeadAction(unitId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("assignUnitHeadAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await assignUnitHead(actor, unitId, String(form.get("userId") ?? ""), await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    return result;
  });
}

export async function saveUserAction(userId: string | undefined, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("saveUserAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const result = await saveUser(actor, formDataToObject(form), userId, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    if (result.ok && userId === undefined) redirect(`/quan-tri/nguoi-dung/${result.id}`);
    return result;
  });
}

export async function setUserActiveAction(userId: string, active: boolean, _prev: FormResult): Promise<FormResult> {
  return runAction("setUserActiveAction", async () => {
    const actor = await getCurrentUser();
    const result = await setUserActive(actor, userId, active, await auditContextFor(actor));
    if (result.ok) revalidatePath("/quan-tri", "layout");
    return result;
  });
}

export async function resetUserPasswordAction(userId: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  return runAction("resetUserPasswordAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    return resetUserPassword(actor, userId, formDataToObject(form), await auditContextFor(actor));
  });
}

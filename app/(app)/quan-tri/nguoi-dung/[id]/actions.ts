"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import type { FormResult } from "@/lib/forms/form-result";
import { runAction } from "@/lib/forms/run-action";
import { unlockUserLogin } from "@/lib/users/unlock-user-login";
import { signOutUserEverywhere } from "@/lib/users/sign-out-user-everywhere";

// The sign-in controls on one user's admin page; the lib operations check the ADMIN role themselves.

export async function unlockUserLoginAction(userId: string, _prev: FormResult): Promise<FormResult> {
  return runAction("unlockUserLoginAction", async () => {
    const actor = await getCurrentUser();
    const result = await unlockUserLogin(actor, userId, await auditContextFor(actor));
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

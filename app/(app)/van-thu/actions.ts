"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { readForm } from "@/lib/forms/read-form";
import { runAction } from "@/lib/forms/run-action";
import { issueAssignments, type IssueResult } from "@/lib/issuance/issue-assignments";

/**
 * The clerk's "Ban hành": one row's button (`only`), "all waiting" (`all`), or the checked rows
 * (`assignmentIds`), in that order of precedence. lib/issuance checks role, body and every document.
 */
export async function issueAction(_prev: IssueResult, formData: FormData): Promise<IssueResult> {
  return runAction("issueAction", async () => {
    const form = readForm(formData);
    const actor = await getCurrentUser();
    const only = form.get("only");
    const input = typeof only === "string" && only ? { assignmentIds: [only] } : form.get("all") ? { all: true } : { assignmentIds: form.getAll("assignmentIds") };
    const result = await issueAssignments(actor, input, await auditContextFor(actor));
    if (result.issued) revalidatePath("/van-thu", "layout");
    return result;
  });
}

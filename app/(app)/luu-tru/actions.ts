"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { forbidden, type FormResult } from "@/lib/forms/form-result";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export async function verifyAuditChainAction(): Promise<FormResult> {
  const report = await verifyAuditChain(await getCurrentUser());
  return report ? { ok: report.ok, message: report.message } : forbidden();
}

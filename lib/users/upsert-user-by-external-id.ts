import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { saveUser } from "./save-user";
import { setUserActive } from "./set-user-active";

export type UserSyncInput = {
  email?: unknown;
  fullName?: unknown;
  jobTitle?: unknown;
  role?: unknown;
  /** The unit by the HR system's id (PUT /api/v1/units/{externalId}); absent: none. */
  unitExternalId?: unknown;
  issuingBodyId?: unknown;
  active?: unknown;
};

/**
 * The HR sync's person, by their external id: created (with a password nobody knows — they sign in through the
 * province's portal, or an admin sets one), or updated through the admin screen's own saveUser and
 * setUserActive (same rules: one head per unit, sessions ended on a role change, audit). Nothing differs → left
 * alone, no audit event.
 */
export async function upsertUserByExternalId(
  actor: Actor | null,
  externalId: string,
  input: UserSyncInput,
  context: AuditContext = {},
): Promise<FormResult & { id?: string; created?: boolean; changed?: boolean }> {
  const { common } = messagesFor(actor);
  if (input.active !== undefined && typeof input.active !== "boolean") return failure(common.form.invalid, { active: [common.form.invalid] });
  const unit = typeof input.unitExternalId === "string" ? await prisma.unit.findUnique({ where: { externalId: input.unitExternalId }, select: { id: true } }) : null;
  if (input.unitExternalId !== undefined && input.unitExternalId !== null && !unit) {
    return failure(common.form.invalid, { unitExternalId: [formatMessage(common.validation.notFound, { label: common.fields.unit })] });
  }
  const fields = { email: input.email, fullName: input.fullName, jobTitle: input.jobTitle, role: input.role, unitId: unit?.id, issuingBodyId: input.issuingBodyId };
  const active = input.active ?? true;
  const existing = await prisma.user.findUnique({ where: { externalId } });
  if (!existing) {
    const created = await saveUser(actor, { ...fields, password: randomBytes(24).toString("base64url") }, undefined, context, { externalId });
    if (created.ok && !active) await setUserActive(actor, created.id!, false, context);
    return { ...created, created: created.ok, changed: created.ok };
  }
  const unchanged =
    existing.email === String(fields.email ?? "").trim().toLowerCase() &&
    existing.fullName === fields.fullName &&
    existing.jobTitle === fields.jobTitle &&
    existing.role === fields.role &&
    existing.unitId === (unit?.id ?? null) &&
    existing.issuingBodyId === (existing.role === "CLERK" ? (fields.issuingBodyId ?? null) : null) &&
    existing.active === active;
  if (unchanged && actor?.role === "ADMIN") return { ok: true, id: existing.id, created: false, changed: false };
  const saved = await saveUser(actor, fields, existing.id, context);
  if (saved.ok && existing.active !== active) {
    const toggled = await setUserActive(actor, existing.id, active, context);
    if (!toggled.ok) return toggled;
  }
  return { ...saved, created: false, changed: saved.ok };
}

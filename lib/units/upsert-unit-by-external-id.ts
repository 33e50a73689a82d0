import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";
import type { FormResult } from "@/lib/forms/form-result";
import { saveUnit } from "./save-unit";
import { unitInputSchema } from "./unit-schemas";

/** An id from the city's HR system or the provincial directory: letters, digits and . _ : - only. */
export const externalIdSchema = z.string().min(1).max(100).regex(/^[\w.:-]+$/);

export type UpsertResult = FormResult & { id?: string; created?: boolean; changed?: boolean };

/**
 * The HR sync's unit, by its external id: created with that id, updated through the admin screen's own
 * saveUnit (same rules, same audit), or — when nothing differs — left alone with no audit event, so sending
 * the same directory every night changes nothing.
 */
export async function upsertUnitByExternalId(actor: Actor | null, externalId: string, input: unknown, context: AuditContext = {}): Promise<UpsertResult> {
  const existing = await prisma.unit.findUnique({ where: { externalId } });
  const parsed = unitInputSchema.safeParse(input);
  if (existing && parsed.success && actor?.role === "ADMIN") {
    const wanted = { ...parsed.data, issuingBodyId: parsed.data.issuingBodyId ?? null };
    const same = existing.name === wanted.name && existing.kind === wanted.kind && existing.code === wanted.code && existing.issuingBodyId === wanted.issuingBodyId;
    if (same) return { ok: true, id: existing.id, created: false, changed: false };
  }
  const result = await saveUnit(actor, input, existing?.id, context, { externalId });
  return { ...result, created: result.ok && !existing, changed: result.ok };
}

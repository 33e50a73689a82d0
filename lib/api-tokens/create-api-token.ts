import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { canUseArchive } from "@/lib/archive/archive-access";
import { failure, forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { requiredText } from "@/lib/forms/text-fields";
import { apiTokenHash, generateApiToken } from "./api-token-hash";
import { API_SCOPES, scopesForRole } from "./api-scopes";
import { messageRef } from "@/lib/i18n/message-ref";

const MAX_LIVE_TOKENS = 10;
const inputSchema = z.object({
  name: requiredText("apiTokenName", 100),
  scopes: z.array(z.enum(API_SCOPES, { error: messageRef("archive.apiTokens.scopeUnknown") })).min(1, messageRef("archive.apiTokens.scopeRequired")).default(["read"]),
});

/**
 * A personal API token for the actor (AUDITOR, CHAIRPERSON, ADMIN) with the scopes they chose among those their
 * role may hold (lib/api-tokens/api-scopes). The token is returned once.
 */
export async function createApiToken(actor: Actor | null, input: unknown, context: AuditContext = {}): Promise<FormResult & { token?: string }> {
  if (!canUseArchive(actor)) return forbidden(actor);
  const m = messagesFor(actor).archive.apiTokens;
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const scopes = [...new Set(parsed.data.scopes)];
  if (scopes.some((scope) => !scopesForRole(actor.role).includes(scope))) return failure(m.scopeNotAllowed, { scopes: [m.scopeNotAllowed] });
  const live = await prisma.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
  if (live >= MAX_LIVE_TOKENS) return failure(formatMessage(m.tooMany, { max: MAX_LIVE_TOKENS }));
  const token = generateApiToken();
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name: parsed.data.name, tokenHash: apiTokenHash(token), prefix: token.slice(0, 14), scopes },
    });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "create-api-token", tokenId: row.id, name: row.name, prefix: row.prefix, scopes } });
  });
  return { ...success(formatMessage(m.created, { name: parsed.data.name })), token };
}

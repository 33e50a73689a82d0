import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { canUseArchive } from "@/lib/archive/archive-access";
import { forbidden, invalidInput, success, type FormResult } from "@/lib/forms/form-result";
import { requiredText } from "@/lib/forms/text-fields";
import { apiTokenHash, generateApiToken } from "./api-token-hash";

const MAX_LIVE_TOKENS = 10;
const inputSchema = z.object({ name: requiredText("apiTokenName", 100) });

/** A personal read-only API token for the actor (AUDITOR, CHAIRPERSON, ADMIN). The token is returned once. */
export async function createApiToken(actor: Actor | null, input: unknown, context: AuditContext = {}): Promise<FormResult & { token?: string }> {
  if (!canUseArchive(actor)) return forbidden();
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const live = await prisma.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
  if (live >= MAX_LIVE_TOKENS) return { ok: false, message: `Bạn đã có ${MAX_LIVE_TOKENS} khóa đang dùng; hãy thu hồi bớt trước khi tạo khóa mới.` };
  const token = generateApiToken();
  await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name: parsed.data.name, tokenHash: apiTokenHash(token), prefix: token.slice(0, 14) },
    });
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "create-api-token", tokenId: row.id, name: row.name, prefix: row.prefix } });
  });
  return { ...success(`Đã tạo khóa “${parsed.data.name}”. Hãy sao chép ngay: khóa chỉ hiển thị một lần.`), token };
}

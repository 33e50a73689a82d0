import { prisma } from "@/lib/db/client";
import { findActiveUserById, type Actor } from "@/lib/auth/find-active-user";
import { canUseArchive } from "@/lib/archive/archive-access";
import { apiTokenHash, TOKEN_PREFIX } from "./api-token-hash";
import { scopesForRole, type ApiScope } from "./api-scopes";

export type ApiAuthentication = { ok: true; actor: Actor; scopes: ApiScope[] } | { ok: false; status: 401 | 403; error: string };

// Refresh lastUsedAt at most this often: a script's burst of calls is one write, not hundreds.
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * "Authorization: Bearer camket_…" → the token's owner, if the token is live and the owner still active and
 * allowed to read the archive (a unit head's token, or one whose owner became a unit head, gets 403).
 */
export async function authenticateApiToken(authorization: string | null, now = new Date()): Promise<ApiAuthentication> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) {
    return { ok: false, status: 401, error: "Thiếu khóa API: gửi tiêu đề “Authorization: Bearer <khóa>”." };
  }
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: apiTokenHash(token) } });
  const actor = row && !row.revokedAt ? await findActiveUserById(row.userId) : null;
  if (!row || !actor) return { ok: false, status: 401, error: "Khóa API không hợp lệ hoặc đã bị thu hồi." };
  if (!canUseArchive(actor)) return { ok: false, status: 403, error: "Tài khoản của khóa này không có quyền đọc dữ liệu lưu trữ." };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  // A scope the owner's role no longer allows (the admin became an auditor) is not granted.
  const allowed = scopesForRole(actor.role);
  return { ok: true, actor, scopes: allowed.filter((scope) => row.scopes.includes(scope)) };
}

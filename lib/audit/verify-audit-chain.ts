import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import type { AuditEventType } from "./audit-types";
import { auditEventHash, GENESIS_HASH } from "./record-audit-event";

export type AuditChainReport =
  | { ok: true; checked: number; message: string }
  | { ok: false; checked: number; message: string; broken: { id: string; type: string; at: Date; reason: "hash" | "link" } };

const PAGE_SIZE = 1000;

/** The in-app check ("Kiểm tra chuỗi nhật ký"): AUDITOR, CHAIRPERSON or ADMIN; null for anyone else. */
export async function verifyAuditChain(actor: Actor | null): Promise<AuditChainReport | null> {
  if (!hasRole(actor, "AUDITOR", "CHAIRPERSON", "ADMIN")) return null;
  return checkAuditChain(prisma, actor);
}

/**
 * Walks the whole audit log in id order, recomputing every hash and checking every prevHash link, and names
 * the first event that does not match. Pages by id so memory stays flat however long the log is. No role
 * check: `npm run audit:verify` runs it with database access only (and no actor, so in Vietnamese).
 */
export async function checkAuditChain(db: Prisma.TransactionClient | typeof prisma = prisma, reader: Actor | null = null): Promise<AuditChainReport> {
  const m = messagesFor(reader).archive.auditChain;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId = -1n;
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: PAGE_SIZE });
    for (const event of page) {
      const recomputed = auditEventHash(prevHash, { ...event, type: event.type as AuditEventType, data: event.data as Record<string, unknown> });
      const reason = event.prevHash !== prevHash ? "link" : event.hash !== recomputed ? "hash" : null;
      if (reason) {
        return {
          ok: false,
          checked,
          message: formatMessage(m.broken, {
            id: String(event.id),
            type: event.type,
            time: formatSigningTime(event.at),
            reason: reason === "link" ? m.brokenLink : m.brokenHash,
            checked,
          }),
          broken: { id: String(event.id), type: event.type, at: event.at, reason },
        };
      }
      prevHash = event.hash;
      checked++;
    }
    if (page.length < PAGE_SIZE) break;
    afterId = page[page.length - 1]!.id;
  }
  return { ok: true, checked, message: formatMessage(m.intact, { checked }) };
}

import { hasRole, findActiveUserById, type Actor } from "@/lib/auth/find-active-user";
import { prisma } from "@/lib/db/client";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { issueFreshCertificate } from "./user-certificate-store";

/** ADMIN issues a new certificate to a user whose previous one was revoked (or who has none yet). */
export async function issueCertificateForUser(actor: Actor | null, userId: string, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const m = messagesFor(actor).signing.results;
  const user = /^[0-9a-f-]{36}$/i.test(userId) ? await findActiveUserById(userId) : null;
  if (!user) return failure(m.userNotFound);
  if (await prisma.userCertificate.findFirst({ where: { userId, revokedAt: null, method: "SERVER_KEY" } })) return failure(m.hasLiveCertificate);
  const certificate = await issueFreshCertificate(user);
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "issue-certificate", userId, serial: certificate.serialHex } }),
  );
  return success(formatMessage(m.certificateIssued, { name: user.fullName, serial: certificate.serialHex }));
}

import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { failure, forbidden, success, type FormResult } from "@/lib/forms/form-result";
import { messagesFor } from "@/lib/i18n/messages-for";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { issuingBodyIdSchema } from "./issuing-body-schemas";
import { sealImageProblem } from "./seal-image";

/** Stores a body's seal image (ADMIN) after checking it; a refused upload leaves the old seal in place. */
export async function uploadSeal(actor: Actor | null, id: string, bytes: Uint8Array, context: AuditContext = {}): Promise<FormResult> {
  if (!hasRole(actor, "ADMIN")) return forbidden(actor);
  const { bodies } = messagesFor(actor);
  if (!issuingBodyIdSchema.safeParse(id).success) return failure(bodies.notFound);
  const problem = sealImageProblem(bytes);
  if (problem) return failure(bodies.seal[problem], { seal: [bodies.seal[problem]] });
  const sealSha256 = createHash("sha256").update(bytes).digest("hex");
  return prisma.$transaction(async (tx) => {
    const updated = await tx.issuingBody.updateMany({ where: { id }, data: { sealPng: Buffer.from(bytes), sealSha256 } });
    if (updated.count === 0) return failure(bodies.notFound);
    await recordAuditEvent(tx, { ...context, type: "ADMIN_CHANGE", data: { action: "upload-seal", issuingBodyId: id, sealSha256, bytes: bytes.length } });
    return success(bodies.seal.uploaded);
  });
}

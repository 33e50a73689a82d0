import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import type { AuditContext } from "@/lib/audit/audit-types";
import { getAssignmentForActor } from "@/lib/assignments/get-assignment-for-actor";
import { idSchema } from "@/lib/forms/text-fields";
import { signatureImageSchema } from "./signature-image";
import { statusRefusal } from "./status-refusal";
import { applySignature } from "./apply-signature";

const signInputSchema = z.object({
  assignmentId: idSchema("assignment"),
  reviewedSha256: z.string().regex(/^[0-9a-f]{64}$/, "Thiếu mã băm của bản đã xem; hãy tải lại trang"),
  password: z.string({ error: "Hãy nhập mật khẩu để xác nhận ký" }).min(1, "Hãy nhập mật khẩu để xác nhận ký").max(200),
  signatureImage: signatureImageSchema,
});

/**
 * The head signs their own unit's commitment: checks role, unit, status, the reviewed hash and the
 * password, then adds a PAdES signature with the visible stamp in the NGƯỜI CAM KẾT block. The new
 * revision, the status and the audit event are stored together or not at all (lib/signatures/apply-signature).
 */
export async function signAssignment(actor: Actor | null, input: unknown, context: AuditContext = {}, now = new Date()): Promise<FormResult> {
  if (!hasRole(actor, "UNIT_HEAD")) return forbidden();
  const parsed = signInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { assignmentId, reviewedSha256, password, signatureImage } = parsed.data;

  const assignment = await getAssignmentForActor(actor, assignmentId);
  if (!assignment) return failure("Không tìm thấy bản cam kết.");
  const refusal = statusRefusal(assignment.status);
  if (refusal) return failure(refusal);
  if (assignment.documentSha256 !== reviewedSha256) {
    return failure("Bản cam kết đã thay đổi kể từ khi bạn mở trang; hãy tải lại trang và đọc lại trước khi ký.");
  }
  const auth = await authenticateUser(actor.email, password, now);
  if (!auth.ok) {
    const message = auth.reason === "locked" ? "Tài khoản tạm khóa do nhập sai mật khẩu quá nhiều lần." : "Mật khẩu không đúng. Chưa có gì được ký.";
    return failure(message, { password: [message] });
  }

  return applySignature({
    actor,
    assignment,
    role: "HEAD",
    imagePng: signatureImage,
    expectedSha256: reviewedSha256,
    context,
    now,
    successMessage: "Đã ký số bản cam kết. Bạn có thể tải bản đã ký ở trên.",
  });
}


import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { DOCUMENT_KIND_LABELS } from "@/lib/assignments/document-file-name";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { PdfSignatureReadError, readPdfSignatures, type PdfSignatureInfo } from "@/lib/signing/read-pdf-signatures";
import { sha256Hex } from "@/lib/storage/file-store";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import { describeSignatureProblem } from "./signature-problem-labels";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type SignatureCheck = {
  signer: string;
  time: string | null;
  timeSource: "timestamp" | "claimed" | null;
  valid: boolean;
  coversWholeFile: boolean;
  issuedByCityCa: boolean;
  /** true / false for a certificate this system issued; null when it is not one of ours. */
  revoked: boolean | null;
  revokedAt: string | null;
  problems: string[];
};

export type ArchiveMatch = { campaign: string; unit: string; kind: string; assignmentId: string };

export type PdfVerification =
  | { ok: false; message: string }
  | { ok: true; message: string; fileName: string; size: number; sha256: string; signatures: SignatureCheck[]; archived: ArchiveMatch[] };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;

/** What a file that is not a PDF most likely is, from its first bytes, to name it in the message. */
function sniffKind(bytes: Uint8Array): string | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "ảnh JPEG";
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "ảnh PNG";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "tệp nén ZIP hoặc tài liệu Office";
  return null;
}

/**
 * Checks an uploaded PDF for anyone signed in: each signature's signer, time, integrity, whether the city
 * CA issued the certificate and whether that certificate is revoked, and whether the whole file is one of
 * the archived versions (by SHA-256). Never trusts the file name or the browser's content type.
 */
export async function verifyUploadedPdf(actor: Actor | null, bytes: Uint8Array | null, fileName = "tệp"): Promise<PdfVerification> {
  if (!actor) return { ok: false, message: "Bạn cần đăng nhập để kiểm tra tệp." };
  if (!bytes || bytes.byteLength === 0) return { ok: false, message: "Tệp trống (0 byte). Hãy chọn tệp PDF cần kiểm tra." };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    return { ok: false, message: `Tệp quá lớn (${megabytes(bytes.byteLength)}). Chỉ kiểm tra được tệp PDF tối đa 20 MB.` };
  }
  let infos: PdfSignatureInfo[];
  const ca = await getCityCa();
  try {
    infos = await readPdfSignatures(bytes, { caCertDer: ca.certDer, maxBytes: MAX_UPLOAD_BYTES });
  } catch (error) {
    if (!(error instanceof PdfSignatureReadError)) throw error;
    if (error.code === "not-a-pdf") {
      const kind = sniffKind(bytes);
      return { ok: false, message: `“${fileName}” không phải tệp PDF${kind ? ` (nội dung là ${kind}, chỉ được đặt tên .pdf)` : ""}. Hãy chọn đúng tệp PDF bản cam kết.` };
    }
    return { ok: false, message: "Tệp có quá nhiều chữ ký để kiểm tra (tối đa 20)." };
  }

  const sha256 = sha256Hex(bytes);
  const [documents, certificates] = await Promise.all([
    prisma.assignmentDocument.findMany({
      where: { sha256 },
      select: { kind: true, assignment: { select: { id: true, unit: { select: { name: true } }, campaign: { select: { name: true } } } } },
    }),
    prisma.userCertificate.findMany({
      where: { serialHex: { in: infos.flatMap((i) => (i.signer ? [i.signer.serialHex] : [])) } },
      select: { serialHex: true, revokedAt: true },
    }),
  ]);
  const signatures = infos.map((info, index): SignatureCheck => {
    const certificate = certificates.find((c) => c.serialHex === info.signer?.serialHex);
    const time = info.timestampTime ?? info.signingTime;
    const problems = info.problems.map(describeSignatureProblem);
    const last = index === infos.length - 1;
    if (last && !info.coversWholeFile && info.valid) problems.push("Có nội dung được thêm vào tệp sau chữ ký cuối cùng.");
    return {
      signer: info.signer?.commonName || info.name || "Không rõ",
      time: time ? `${formatSigningTime(time)} (giờ Việt Nam)` : null,
      timeSource: info.timestampTime ? "timestamp" : info.signingTime ? "claimed" : null,
      valid: info.valid,
      coversWholeFile: info.coversWholeFile,
      issuedByCityCa: info.issuedByCa === true,
      revoked: certificate ? certificate.revokedAt !== null : null,
      revokedAt: certificate?.revokedAt ? formatSigningTime(certificate.revokedAt) : null,
      problems,
    };
  });
  const archived = documents.map((d) => ({
    campaign: d.assignment.campaign.name,
    unit: d.assignment.unit.name,
    kind: DOCUMENT_KIND_LABELS[d.kind],
    assignmentId: d.assignment.id,
  }));
  const allGood = signatures.length > 0 && signatures.every((s) => s.valid && s.issuedByCityCa && s.revoked === false);
  const message =
    signatures.length === 0
      ? "Tệp PDF này không có chữ ký số nào."
      : allGood
        ? `Tất cả ${signatures.length} chữ ký đều hợp lệ, do CA của thành phố cấp và chưa bị thu hồi.`
        : "Có chữ ký không hợp lệ hoặc không đáng tin cậy — xem chi tiết từng chữ ký.";
  return { ok: true, message, fileName, size: bytes.byteLength, sha256, signatures, archived };
}

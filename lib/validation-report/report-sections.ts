import type { AuditChainReport } from "@/lib/audit/verify-audit-chain";
import type { AuditEventType } from "@/lib/audit/audit-types";
import { AUDIT_EVENT_LABELS } from "@/lib/audit/audit-event-labels";
import type { PdfVerification, SignatureCheck } from "@/lib/verification/verify-uploaded-pdf";
import { vi } from "@/lib/i18n/messages/vi";
import { formatSigningTime } from "@/lib/time/vietnam-time";
import type { ReportSection } from "./render-validation-report";
import type { ReportSubject } from "./build-validation-report";

type Facts = {
  subject: ReportSubject;
  verification: PdfVerification;
  events: { at: Date; type: string; actorEmail: string | null }[];
  chain: AuditChainReport;
  archiveTimestamps: { createdAt: Date; reason: string; sha256: string; tsaCertificateExpiresAt: Date }[];
  /** The certificate camket recorded for each signed version, in signing order. */
  certificates: { kind: keyof typeof vi.common.documentKinds; subject: string; issuerSubject: string | null; serialHex: string; notBefore: Date; notAfter: Date; sha256Fingerprint: string }[];
};

const yesNo = (value: boolean) => (value ? "Có" : "Không");
const ARCHIVE_REASONS: Record<string, string> = { COMPLETED: "khi hoàn tất", ISSUED: "khi ban hành", RENEWED: "gia hạn" };

/** "cam-ket-x-ban-ky.pdf" → "cam-ket-x-ban-ky-bao-cao-xac-minh.pdf": next to its PDF in listings and the ZIP. */
export function reportFileName(pdfFileName: string): string {
  return pdfFileName.replace(/\.pdf$/i, "") + "-bao-cao-xac-minh.pdf";
}

/** The report's content in Vietnamese (always: it is the official record), from the verifier's result and the audit log. */
export function reportSections(facts: Facts): ReportSection[] {
  const { subject, verification, events, chain } = facts;
  const { document, outgoing } = subject;
  const sections: ReportSection[] = [
    {
      heading: "Văn bản",
      rows: [
        ["Đợt cam kết", subject.campaignName],
        ["Đơn vị", subject.unitName],
        ["Tệp", document.fileName],
        ["Phiên bản", vi.common.documentKinds[document.kind]],
        ["SHA-256", document.sha256],
        ["Kích thước", `${document.bytes.byteLength.toLocaleString("vi-VN")} byte`],
        ...(outgoing ? ([["Số, ngày ban hành", `${outgoing.number} — ${formatSigningTime(outgoing.issuedAt)}`]] as [string, string][]) : []),
        ["Kết luận", verification.message],
      ],
    },
  ];
  if (verification.ok) {
    verification.signatures.forEach((signature, i) => sections.push(signatureSection(signature, i)));
  }
  for (const c of facts.certificates) {
    sections.push({
      heading: `Chứng thư ký — ${vi.common.documentKinds[c.kind]} (theo hồ sơ ký của hệ thống)`,
      rows: [
        ["Chủ thể", c.subject],
        ["Tổ chức cấp", c.issuerSubject ?? "CA của thành phố"],
        ["Số sê-ri", c.serialHex],
        ["Hiệu lực", `${formatSigningTime(c.notBefore)} – ${formatSigningTime(c.notAfter)}`],
        ["Dấu vân tay SHA-256", c.sha256Fingerprint],
      ],
    });
  }
  sections.push({
    heading: "Dấu thời gian lưu trữ (B-LTA)",
    rows: facts.archiveTimestamps.length
      ? facts.archiveTimestamps.map((t) => [
          formatSigningTime(t.createdAt),
          `${ARCHIVE_REASONS[t.reason] ?? t.reason}; tệp sau đó SHA-256 ${t.sha256}; chứng thư TSA hết hạn ${formatSigningTime(t.tsaCertificateExpiresAt)}`,
        ])
      : [["", "Chưa có dấu thời gian lưu trữ."]],
  });
  sections.push({
    heading: "Nhật ký của văn bản (giờ Việt Nam, cũ trước)",
    rows: [
      ...events.map((e): [string, string] => [formatSigningTime(e.at), `${AUDIT_EVENT_LABELS[e.type as AuditEventType] ?? e.type} — ${e.actorEmail ?? "hệ thống"}`]),
      ["Chuỗi nhật ký", chain.ok ? `Toàn vẹn: ${chain.message}` : `KHÔNG toàn vẹn: ${chain.message}`],
    ],
  });
  return sections;
}

const REVOCATION_SOURCES = { dss: "từ dữ liệu xác thực nhúng trong tệp (DSS)", network: "qua mạng (OCSP/CRL)" };
const REVOCATION_STATUSES = { good: "còn hiệu lực", revoked: "đã bị thu hồi", unknown: "không xác định" };

function levelRows(s: SignatureCheck): [string, string][] {
  const r = s.revocation;
  const rows: [string, string][] = [
    ["Mức PAdES", s.level ?? "Không đạt mức nào"],
    ["Chứng minh tồn tại lúc", s.proofOfExistence ?? "Không có dấu thời gian tin cậy"],
    [
      "Kiểm tra thu hồi (OCSP/CRL)",
      r.checked && r.source ? `Đã kiểm tra ${REVOCATION_SOURCES[r.source]}: ${r.status ? REVOCATION_STATUSES[r.status] : ""}${r.revokedAt ? ` lúc ${r.revokedAt}` : ""}${r.at ? ` (${r.at})` : ""}` : "Chưa kiểm tra được",
    ],
  ];
  if (s.shortfalls.length) rows.push(["Chưa đạt mức cao hơn vì", s.shortfalls.join("; ")]);
  return rows;
}

function signatureSection(s: SignatureCheck, index: number): ReportSection {
  const time = s.time ? `${s.time} (${s.timeSource === "timestamp" ? "dấu thời gian" : "thời điểm người ký khai"})` : "Không có";
  const revocation = s.revoked === null ? "Không phải chứng thư do hệ thống cấp" : s.revoked ? `Đã thu hồi lúc ${s.revokedAt ?? ""}` : "Chưa bị thu hồi (theo cơ sở dữ liệu của hệ thống)";
  return {
    heading: s.kind === "document-timestamp" ? `Dấu thời gian tài liệu ${index + 1}: ${s.signer}` : `Chữ ký ${index + 1}: ${s.signer}`,
    rows: [
      ["Người ký", s.signer],
      ["Hợp lệ", yesNo(s.valid)],
      ["Thời điểm ký", time],
      ["Phủ toàn bộ tệp", yesNo(s.coversWholeFile)],
      ["Do CA thành phố cấp", yesNo(s.issuedByCityCa)],
      ...(s.issuedByTrustList ? [["Do CA trong danh sách tin cậy cấp", yesNo(true)] as [string, string]] : []),
      ["Tình trạng thu hồi", revocation],
      ...levelRows(s),
      ...(s.addedAfter.length ? ([["Thêm sau (cho phép)", s.addedAfter.join("; ")]] as [string, string][]) : []),
      ...(s.changedAfter.length ? ([["Sửa sau (không cho phép)", s.changedAfter.join("; ")]] as [string, string][]) : []),
      ...(s.problems.length ? ([["Vấn đề", s.problems.join("; ")]] as [string, string][]) : []),
    ],
  };
}

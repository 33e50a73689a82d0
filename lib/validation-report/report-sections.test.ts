import { describe, expect, it } from "vitest";
import type { SignatureCheck } from "@/lib/verification/verify-uploaded-pdf";
import { reportFileName, reportSections } from "./report-sections";

const base = {
  signer: "Trần Thị Bích",
  time: "08:00:00 05/12/2026 (giờ Việt Nam)",
  timeSource: "timestamp",
  valid: true,
  coversWholeFile: false,
  addedAfter: ["dấu thời gian cho tài liệu"],
  changedAfter: [],
  issuedByCityCa: true,
  issuedByTrustList: false,
  revoked: false,
  revokedAt: null,
  problems: [],
  kind: "signature",
  level: "B-T",
  proofOfExistence: "08:00:00 05/12/2026 (giờ Việt Nam)",
  revocation: { checked: false, source: null, status: null, at: null, revokedAt: null },
  shortfalls: [],
} satisfies SignatureCheck;

function sections(signatures: SignatureCheck[]) {
  return reportSections({
    subject: { assignmentId: "a", campaignName: "Đợt 1", unitName: "Phường Phú Thủy", outgoing: null, document: { bytes: new Uint8Array(10), sha256: "00".repeat(32), fileName: "x.pdf", kind: "SIGNED" } },
    verification: { ok: true, verdict: "valid", message: "Hợp lệ", fileName: "x.pdf", size: 10, sha256: "00".repeat(32), signatures, archived: [], rejectedValidationData: [] },
    events: [{ at: new Date("2026-12-05T01:00:00Z"), type: "ASSIGNMENT_SIGNED", actorEmail: "bich@phanthiet.gov.vn" }],
    chain: { ok: true, checked: 1, message: "nguyên vẹn" },
    archiveTimestamps: [],
    certificates: [],
  });
}

describe("reportSections", () => {
  it("shows the verifier's level, proof of existence, revocation source and shortfalls; a document timestamp as such", () => {
    const signature = { ...base, kind: "signature", level: "B-LT", proofOfExistence: "08:00:01 05/12/2026", revocation: { checked: true, source: "dss", status: "good", at: "08:00:02 05/12/2026", revokedAt: null }, shortfalls: ["không có dấu thời gian tài liệu"] } satisfies SignatureCheck;
    const stamp = { ...base, signer: "TSA của hệ thống", kind: "document-timestamp", level: null, proofOfExistence: null, revocation: { checked: false, source: null, status: null, at: null, revokedAt: null }, shortfalls: [] } satisfies SignatureCheck;
    const [, first, second] = sections([signature, stamp]);
    expect(first!.heading).toBe("Chữ ký 1: Trần Thị Bích");
    expect(first!.rows).toEqual(
      expect.arrayContaining([
        ["Mức PAdES", "B-LT"],
        ["Chứng minh tồn tại lúc", "08:00:01 05/12/2026"],
        ["Kiểm tra thu hồi (OCSP/CRL)", "Đã kiểm tra từ dữ liệu xác thực nhúng trong tệp (DSS): còn hiệu lực (08:00:02 05/12/2026)"],
        ["Chưa đạt mức cao hơn vì", "không có dấu thời gian tài liệu"],
      ]),
    );
    expect(second!.heading).toBe("Dấu thời gian tài liệu 2: TSA của hệ thống");
    expect(second!.rows).toEqual(expect.arrayContaining([["Kiểm tra thu hồi (OCSP/CRL)", "Chưa kiểm tra được"]]));
  });

  it("lists the audit trail with Vietnamese labels and the chain's state; names the file next to its PDF", () => {
    const trail = sections([base]).at(-1)!; // 01:00 UTC is 08:00 in Việt Nam
    expect(trail.rows[0]).toEqual(["08:00:00 05/12/2026", "Ký số — bich@phanthiet.gov.vn"]);
    expect(trail.rows.at(-1)).toEqual(["Chuỗi nhật ký", "Toàn vẹn: nguyên vẹn"]);
    expect(reportFileName("cam-ket-phuong-phu-thuy-da-ky.pdf")).toBe("cam-ket-phuong-phu-thuy-da-ky-bao-cao-xac-minh.pdf");
  });
});

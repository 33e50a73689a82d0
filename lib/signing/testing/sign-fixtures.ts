import type { SignPdfOptions } from "../sign-pdf";
import type { TestPki } from "./test-pki";
import { createSignaturePng } from "./signature-png";

export const SIGNING_TIME = new Date("2026-11-26T03:11:12Z"); // 10:11:12 in Phan Thiết

/** signPdf options for the unit head's signature (left slot) and the chairperson's countersignature (right). */
export function headSignOptions(pki: TestPki, pdf: Uint8Array): SignPdfOptions {
  return {
    pdf,
    signer: pki.head.signer,
    fieldName: "NguoiCamKet",
    slot: { page: 0, x: 60, y: 50, width: 230, height: 120 },
    appearance: {
      imagePng: createSignaturePng(),
      name: "Nguyễn Văn Đức",
      lines: ["Ký số: 10:11:12 26/11/2026 (+07:00)"],
    },
    signingTime: SIGNING_TIME,
    name: "Nguyễn Văn Đức",
    reason: "Người đứng đầu ký cam kết thực hiện công tác cải cách hành chính",
    location: "Phan Thiết, Bình Thuận, Việt Nam",
    contactInfo: "duc.nv@phanthiet.gov.vn",
  };
}

export function countersignOptions(pki: TestPki, pdf: Uint8Array): SignPdfOptions {
  return {
    pdf,
    signer: pki.chairperson.signer,
    fieldName: "ChuTichXacNhan",
    slot: { page: 0, x: 310, y: 50, width: 230, height: 120 },
    appearance: {
      imagePng: createSignaturePng(260, 90),
      name: "Trần Thị Hồng Nhung",
      lines: ["Ký số: 10:41:05 26/11/2026 (+07:00)"],
    },
    signingTime: new Date(SIGNING_TIME.getTime() + 30 * 60_000),
    name: "Trần Thị Hồng Nhung",
    reason: "Chủ tịch UBND thành phố xác nhận bản cam kết",
    location: "Phan Thiết, Bình Thuận, Việt Nam",
  };
}

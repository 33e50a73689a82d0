import { VIETNAM_TIME_ZONE } from "@/lib/time/vietnam-time";

// Decree 30 App. I §II.3–4: numbers below 10 and the day and month below 10 are written with a leading zero.
const twoDigits = (n: number) => String(n).padStart(2, "0");

/**
 * Ô 3: "Số: 05/CK-UBND". Without a number (the clerk gives it at issuance) the review screen's
 * placeholder: "Số: …/CK-UBND".
 */
export function numberLine(number: number | null, code: string): string {
  return `Số: ${number === null ? "…" : twoDigits(number)}/${code.normalize("NFC").trim()}`;
}

/**
 * Ô 4: "Phan Thiết, ngày 04 tháng 01 năm 2017", the day as it is in Việt Nam. Without a date (it is the
 * organisation signature's) the review screen's placeholder: "Phan Thiết, ngày … tháng … năm …".
 */
export function issuanceDateLine(place: string, date: Date | null): string {
  const parts = date
    ? Object.fromEntries(
        new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" })
          .formatToParts(date)
          .map((p) => [p.type, p.value]),
      )
    : { day: "…", month: "…", year: "…" };
  return `${place.normalize("NFC").replace(/\s+/g, " ").trim()}, ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
}

/** The code after the number: the document type's and the issuing body's abbreviations, "CK-UBND" (App. I §II.3). */
export function documentCode(documentTypeCode: string, bodyAbbreviation: string): string {
  return `${documentTypeCode.trim()}-${bodyAbbreviation.trim()}`.normalize("NFC");
}

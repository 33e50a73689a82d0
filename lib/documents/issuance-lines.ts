import { VIETNAM_TIME_ZONE } from "@/lib/time/vietnam-time";
import { registerNumber } from "@/lib/issuance/register-number";

// Decree 30 App. I §II.4: a day below 10, and months 1 and 2, are written with a leading zero.
const twoDigits = (n: number) => String(n).padStart(2, "0");

/**
 * Ô 3: "Số: 05/CK-UBND". Without a number (the clerk gives it at issuance) the review screen's
 * placeholder: "Số: …/CK-UBND".
 */
export function numberLine(number: number | null, code: string): string {
  const trimmed = code.normalize("NFC").trim();
  return `Số: ${number === null ? `…/${trimmed}` : registerNumber(number, trimmed)}`;
}

/**
 * Ô 4: "Phan Thiết, ngày 04 tháng 01 năm 2017", the day as it is in Việt Nam. App. I §II.4 puts a zero before
 * a day below 10 and before months 1 and 2 only ("ngày 29 tháng 6 năm 2019"). Without a date (it is the
 * organisation signature's) the review screen's placeholder: "Phan Thiết, ngày … tháng … năm …".
 */
export function issuanceDateLine(place: string, date: Date | null): string {
  const parts = date ? vietnamDateParts(date) : { day: "…", month: "…", year: "…" };
  return `${place.normalize("NFC").replace(/\s+/g, " ").trim()}, ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
}

/** The code after the number: the document type's and the issuing body's abbreviations, "CK-UBND" (App. I §II.3). */
export function documentCode(documentTypeCode: string, bodyAbbreviation: string): string {
  return `${documentTypeCode.trim()}-${bodyAbbreviation.trim()}`.normalize("NFC");
}

function vietnamDateParts(date: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TIME_ZONE, day: "numeric", month: "numeric", year: "numeric" })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  );
  return { day: twoDigits(parts.day), month: parts.month <= 2 ? twoDigits(parts.month) : String(parts.month), year: String(parts.year) };
}

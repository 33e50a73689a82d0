import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { CommitmentContent } from "./commitment-content";
import { issuanceDateLine, numberLine } from "./issuance-lines";

export type CommitmentPlaceholders = {
  unit: { name: string; kind: UnitKind };
  head: { fullName: string; jobTitle: string };
  city: { name: string; chairpersonTitle: string };
  /** The unit's issuing body (lib/issuing-bodies/issuing-body-for-unit.ts): header (ô 2) and place (ô 4). */
  issuingBody: { name: string; superiorName: string | null; placeName: string };
  /** "CK-UBND": the campaign's document type and the body's abbreviation (ô 3). */
  documentCode: string;
  /** The campaign's "Nơi nhận" (ô 9b); empty: the city's usual two. */
  recipients: string[];
  /** Once issued: the register's number and the organisation signature's date, for the review screen. */
  issuance?: { number: number; issuedAt: Date };
  /** Known once the chairperson countersigns, or when a campaign names them in advance; otherwise the line stays empty. */
  chairperson?: { fullName: string };
  documentDate: Date;
};

/** The final text of one copy: what both the PDF and the HTML review screen show, line for line. */
export type ResolvedCommitment = {
  /** Ô 2: the superior body's line (none for a top-level body) above the issuing body's name. */
  header: { superior: string | null; name: string };
  /**
   * Ô 3 and ô 4 as the review screen shows them: placeholders before issuance ("Số: …/CK-UBND", "Phan Thiết,
   * ngày … tháng … năm …"), the issued values after. The PDF prints neither: it reserves their rectangles and
   * the organisation signature's revision draws the issued values there (lib/documents/issuance-lines.ts).
   */
  numberLine: string;
  dateLine: string;
  /** ISO 8601 instant of the campaign's document date: only the PDF's /CreationDate (never printed). */
  documentDate: string;
  title: string;
  subtitle: string;
  legalBases: string[];
  parIntro: string;
  parGroups: { heading: string; items: string[] }[];
  commitmentIntro: string;
  commitments: string[];
  closing: string[];
  signatureBlocks: {
    head: { title: string; jobTitle: string; fullName: string };
    chairperson: { heading: string; title: string; fullName: string | null };
  };
  /** Ô 9b: "Nơi nhận:" and its lines, each "- …;", the last "- Lưu: VT.". */
  recipients: { heading: string; lines: string[] };
  metadata: { title: string; author: string; subject: string };
};

const ROLE_WORDING: Record<UnitKind, string> = {
  AGENCY: "Thủ trưởng phòng, ban",
  WARD: "Chủ tịch UBND phường",
  COMMUNE: "Chủ tịch UBND xã",
};

const clean = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

// A commitment goes to the chairperson and the office that keeps the reform's records.
const DEFAULT_RECIPIENTS = ["Chủ tịch UBND thành phố", "Phòng Nội vụ"];

/**
 * "- Phòng Nội vụ;" per recipient, then "- Lưu: VT." (App. I ô 9b). Only "VT": Unit.code is a statistics code
 * for wards and communes ("22948"), not the drafting unit's abbreviation App. I asks for after it.
 */
function recipientLines(recipients: string[]): string[] {
  const named = recipients.map(clean).filter(Boolean);
  return [...(named.length > 0 ? named : DEFAULT_RECIPIENTS).map((r) => `- ${r.replace(/[;,.]+$/u, "")};`), "- Lưu: VT."];
}

/**
 * A unit's name inside a sentence. Decree 30 (Appendix II) writes the generic word of an administrative unit
 * in lower case ("phường Đức Thắng", "xã Tiến Thành"); an agency's name is a proper name ("Phòng Nội vụ").
 */
export function unitNameInSentence(name: string, kind: UnitKind): string {
  const n = clean(name);
  return kind === "AGENCY" ? n : n.replace(/^(Phường|Xã)(?= )/u, (w) => w.toLocaleLowerCase("vi"));
}

/**
 * The head's full title: job title + unit, without saying a word twice where they overlap
 * ("Chánh Văn phòng" + "Văn phòng HĐND và UBND thành phố" → "Chánh Văn phòng HĐND và UBND thành phố";
 * "Chủ tịch UBND phường" + "phường Đức Thắng" → "Chủ tịch UBND phường Đức Thắng").
 */
export function fullJobTitle(jobTitle: string, unitName: string): string {
  const title = clean(jobTitle).split(" ");
  const unit = clean(unitName).split(" ");
  const same = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");
  for (let k = Math.min(title.length, unit.length); k > 0; k--) {
    if (title.slice(-k).every((word, i) => same(word, unit[i]))) return [...title, ...unit.slice(k)].join(" ");
  }
  return [...title, ...unit].join(" ");
}

export function resolveCommitment(content: CommitmentContent, p: CommitmentPlaceholders): ResolvedCommitment {
  const unitInSentence = unitNameInSentence(p.unit.name, p.unit.kind);
  const values: Record<string, string> = {
    "{don_vi}": unitInSentence,
    "{nguoi_dung_dau}": clean(p.head.fullName),
    "{chuc_vu}": clean(p.head.jobTitle),
    "{chuc_danh}": fullJobTitle(p.head.jobTitle, unitInSentence),
    "{vai_tro}": ROLE_WORDING[p.unit.kind],
    "{thanh_pho}": clean(p.city.name),
  };
  const fill = (text: string) => text.replace(/\{[a-z_]+\}/g, (token) => values[token] ?? token).normalize("NFC");
  const groups = [
    { heading: "Các chỉ số có cải thiện điểm số và thứ hạng so với năm 2015:", items: content.parIndex.improved },
    { heading: "Các chỉ số giảm điểm so với năm 2015:", items: content.parIndex.declined },
    { heading: "Các chỉ số duy trì điểm so với năm 2015:", items: content.parIndex.unchanged },
  ].filter((g) => g.items.length > 0);
  const title = fill(content.title);
  const subtitle = fill(content.subtitle);

  return {
    header: {
      superior: p.issuingBody.superiorName ? clean(p.issuingBody.superiorName).toLocaleUpperCase("vi") : null,
      name: clean(p.issuingBody.name).toLocaleUpperCase("vi"),
    },
    numberLine: numberLine(p.issuance?.number ?? null, p.documentCode),
    dateLine: issuanceDateLine(p.issuingBody.placeName, p.issuance?.issuedAt ?? null),
    documentDate: p.documentDate.toISOString(),
    title,
    subtitle,
    legalBases: content.legalBases.map(fill),
    parIntro: fill(content.parIndex.intro),
    parGroups: groups.map((g) => ({ heading: g.heading, items: g.items.map(fill) })),
    commitmentIntro: fill(content.commitmentIntro),
    commitments: content.commitments.map(fill),
    closing: content.closing.map(fill),
    signatureBlocks: {
      head: { title: "NGƯỜI CAM KẾT", jobTitle: clean(p.head.jobTitle).toLocaleUpperCase("vi"), fullName: clean(p.head.fullName) },
      chairperson: {
        heading: "XÁC NHẬN CỦA",
        title: clean(p.city.chairpersonTitle).toLocaleUpperCase("vi"),
        fullName: p.chairperson ? clean(p.chairperson.fullName) : null,
      },
    },
    recipients: { heading: "Nơi nhận:", lines: recipientLines(p.recipients) },
    metadata: {
      title: `${title} — ${clean(p.unit.name)}`,
      author: `${clean(p.head.fullName)} — ${clean(p.unit.name)}`,
      subject: subtitle,
    },
  };
}

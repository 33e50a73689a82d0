import type { UnitKind } from "@/lib/generated/prisma/enums";
import { VIETNAM_TIME_ZONE } from "@/lib/time/vietnam-time";
import type { CommitmentContent } from "./commitment-content";

export type CommitmentPlaceholders = {
  unit: { name: string; kind: UnitKind };
  head: { fullName: string; jobTitle: string };
  city: { name: string; issuingBody: string; chairpersonTitle: string };
  /** Known once the chairperson countersigns, or when a campaign names them in advance; otherwise the line stays empty. */
  chairperson?: { fullName: string };
  documentDate: Date;
};

/** The final text of one copy: what both the PDF and the HTML review screen show, line for line. */
export type ResolvedCommitment = {
  issuingBody: string;
  unitName: string;
  placeAndDate: string;
  /** ISO 8601 instant of the document date; the PDF's /CreationDate and the HTML <time>. */
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
  metadata: { title: string; author: string; subject: string };
};

const ROLE_WORDING: Record<UnitKind, string> = {
  AGENCY: "Thủ trưởng phòng, ban",
  WARD: "Chủ tịch UBND phường",
  COMMUNE: "Chủ tịch UBND xã",
};

const clean = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** "Phan Thiết, ngày 04 tháng 01 năm 2017" — the day as it is in Việt Nam. */
export function placeAndDate(city: string, date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${clean(city)}, ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
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
    issuingBody: clean(p.city.issuingBody),
    unitName: clean(p.unit.name).toLocaleUpperCase("vi"),
    placeAndDate: placeAndDate(p.city.name, p.documentDate),
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
    metadata: {
      title: `${title} — ${clean(p.unit.name)}`,
      author: `${clean(p.head.fullName)} — ${clean(p.unit.name)}`,
      subject: subtitle,
    },
  };
}

import type { UnitKind } from "@/lib/generated/prisma/enums";
import { VIETNAM_TIME_ZONE } from "@/lib/time/vietnam-time";
import type { CommitmentContent } from "./commitment-content";

export type CommitmentPlaceholders = {
  unit: { name: string; kind: UnitKind };
  head: { fullName: string; jobTitle: string };
  city: { name: string; issuingBody: string; chairpersonTitle: string };
  documentDate: Date;
};

/** The final text of one copy: what both the PDF and the HTML review screen show, line for line. */
export type ResolvedCommitment = {
  issuingBody: string;
  unitName: string;
  placeAndDate: string;
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
    chairperson: { title: string };
  };
  metadata: { title: string; author: string; subject: string };
};

const ROLE_WORDING: Record<UnitKind, string> = {
  AGENCY: "Thủ trưởng phòng, ban",
  WARD: "Chủ tịch UBND phường",
  COMMUNE: "Chủ tịch UBND xã",
};

/** "Phan Thiết, ngày 04 tháng 01 năm 2017" — the day as it is in Việt Nam. */
export function placeAndDate(city: string, date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${city}, ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
}

export function resolveCommitment(content: CommitmentContent, p: CommitmentPlaceholders): ResolvedCommitment {
  const values: Record<string, string> = {
    "{don_vi}": p.unit.name,
    "{nguoi_dung_dau}": p.head.fullName,
    "{chuc_vu}": p.head.jobTitle,
    "{vai_tro}": ROLE_WORDING[p.unit.kind],
    "{thanh_pho}": p.city.name,
  };
  const fill = (text: string) => text.replace(/\{[a-z_]+\}/g, (token) => values[token] ?? token).normalize("NFC");
  const groups = [
    { heading: "Các chỉ số có cải thiện điểm số và thứ hạng so với năm 2015:", items: content.parIndex.improved },
    { heading: "Các chỉ số giảm điểm so với năm 2015:", items: content.parIndex.declined },
    { heading: "Các chỉ số duy trì điểm so với năm 2015:", items: content.parIndex.unchanged },
  ].filter((g) => g.items.length > 0);

  return {
    issuingBody: p.city.issuingBody.normalize("NFC"),
    unitName: p.unit.name.normalize("NFC").toLocaleUpperCase("vi"),
    placeAndDate: placeAndDate(p.city.name, p.documentDate),
    title: fill(content.title),
    subtitle: fill(content.subtitle),
    legalBases: content.legalBases.map(fill),
    parIntro: fill(content.parIndex.intro),
    parGroups: groups.map((g) => ({ heading: g.heading, items: g.items.map(fill) })),
    commitmentIntro: fill(content.commitmentIntro),
    commitments: content.commitments.map(fill),
    closing: content.closing.map(fill),
    signatureBlocks: {
      head: { title: "NGƯỜI CAM KẾT", jobTitle: p.head.jobTitle.normalize("NFC").toLocaleUpperCase("vi"), fullName: p.head.fullName.normalize("NFC") },
      chairperson: { title: p.city.chairpersonTitle.normalize("NFC") },
    },
    metadata: {
      title: `${fill(content.title)} — ${p.unit.name}`.normalize("NFC"),
      author: `${p.head.fullName} — ${p.unit.name}`.normalize("NFC"),
      subject: fill(content.subtitle),
    },
  };
}

import type { CommitmentPlaceholders } from "@/lib/documents/resolve-commitment";
import type { AssignmentFacts } from "@/lib/documents/resolve-assignment-commitment";

/** A ward's issuing body as the admin models it: its People's Committee under the city's. */
export const WARD_BODY = {
  name: "Ủy ban nhân dân phường Đức Thắng",
  superiorName: "UBND thành phố Phan Thiết",
  placeName: "Phan Thiết",
  abbreviation: "UBND",
};

/** Phường Đức Thắng's copy (the 2017 original's unit), dated 04/01/2017 in Việt Nam. */
export const WARD_PLACEHOLDERS: CommitmentPlaceholders = {
  unit: { name: "Phường Đức Thắng", kind: "WARD" },
  head: { fullName: "Nguyễn Hữu Đức", jobTitle: "Chủ tịch UBND phường" },
  city: { name: "Phan Thiết", chairpersonTitle: "CHỦ TỊCH UBND THÀNH PHỐ" },
  issuingBody: WARD_BODY,
  documentCode: "CK-UBND",
  recipients: [],
  documentDate: new Date("2017-01-03T17:00:00Z"), // already 04/01/2017 in Việt Nam
};

/** The same copy as an assignment's facts (lib/documents/resolve-assignment-commitment.ts). */
export const WARD_FACTS: AssignmentFacts = {
  unit: WARD_PLACEHOLDERS.unit,
  headName: WARD_PLACEHOLDERS.head.fullName,
  headTitle: WARD_PLACEHOLDERS.head.jobTitle,
  documentDate: WARD_PLACEHOLDERS.documentDate,
  issuingBody: WARD_BODY,
  campaign: { recipients: [], documentTypeCode: "CK" },
};

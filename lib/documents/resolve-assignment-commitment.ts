import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { IssuingBodyHeader } from "@/lib/issuing-bodies/issuing-body-for-unit";
import type { CommitmentContent } from "./commitment-content";
import { documentCode } from "./issuance-lines";
import { resolveCommitment } from "./resolve-commitment";

/** What varies between copies: the unit, its head as printed, its issuing body, the campaign's code and recipients. */
export type AssignmentFacts = {
  unit: { name: string; kind: UnitKind };
  headName: string;
  headTitle: string;
  /** The campaign's date: the PDF's /CreationDate only; the printed date is the issuance's. */
  documentDate: Date;
  issuingBody: Pick<IssuingBodyHeader, "name" | "superiorName" | "placeName" | "abbreviation">;
  campaign: { recipients: string[]; documentTypeCode: string };
  /** Once issued (the register's entry): shown on the review screen in place of the placeholders. */
  issuance?: { number: number; issuedAt: Date };
};

export const CITY = {
  name: "Phan Thiết",
  chairpersonTitle: "CHỦ TỊCH UBND THÀNH PHỐ",
} as const;

/**
 * The single place where an assignment becomes a document: the PDF and the HTML review screen both go
 * through it, so what a head reads is what they sign.
 */
export function resolveAssignmentCommitment(content: CommitmentContent, facts: AssignmentFacts) {
  return resolveCommitment(content, {
    unit: facts.unit,
    head: { fullName: facts.headName, jobTitle: facts.headTitle },
    city: CITY,
    issuingBody: facts.issuingBody,
    documentCode: documentCode(facts.campaign.documentTypeCode, facts.issuingBody.abbreviation),
    recipients: facts.campaign.recipients,
    issuance: facts.issuance,
    documentDate: facts.documentDate,
  });
}

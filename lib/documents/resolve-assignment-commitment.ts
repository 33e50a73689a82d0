import type { UnitKind } from "@/lib/generated/prisma/enums";
import type { CommitmentContent } from "./commitment-content";
import { resolveCommitment } from "./resolve-commitment";

/** What varies between copies: the unit, its head as printed, and the date on the document. */
export type AssignmentFacts = {
  unit: { name: string; kind: UnitKind };
  headName: string;
  headTitle: string;
  documentDate: Date;
};

export const CITY = {
  name: "Phan Thiết",
  issuingBody: "UBND THÀNH PHỐ PHAN THIẾT",
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
    documentDate: facts.documentDate,
  });
}

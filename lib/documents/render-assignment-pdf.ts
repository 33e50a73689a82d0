import type { CommitmentContent } from "./commitment-content";
import { resolveAssignmentCommitment, type AssignmentFacts } from "./resolve-assignment-commitment";
import { renderCommitmentPdf } from "@/lib/pdf/render-commitment-pdf";

/** One unit's copy of the commitment as PDF bytes plus where its two signatures go. */
export function renderAssignmentPdf(content: CommitmentContent, facts: AssignmentFacts) {
  return renderCommitmentPdf(resolveAssignmentCommitment(content, facts));
}

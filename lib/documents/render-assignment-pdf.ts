import type { CommitmentContent } from "./commitment-content";
import { resolveAssignmentCommitment, type AssignmentFacts } from "./resolve-assignment-commitment";
import { renderCommitmentPdf } from "@/lib/pdf/render-commitment-pdf";
import { describeCharacters, UnprintableTextError } from "@/lib/pdf/printable-text";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import type { Locale } from "@/lib/i18n/locales";

/** One unit's copy of the commitment as PDF bytes plus where its two signatures go. Throws UnprintableTextError. */
export function renderAssignmentPdf(content: CommitmentContent, facts: AssignmentFacts) {
  return renderCommitmentPdf(resolveAssignmentCommitment(content, facts));
}

/**
 * For callers of renderAssignmentPdf: the reader's message naming the characters a copy could not print
 * (a name or template stored before input refused them), or null for any other error, to be rethrown.
 */
export function unprintableRefusal(error: unknown, reader: Locale | { locale: Locale } | null): string | null {
  if (!(error instanceof UnprintableTextError)) return null;
  return formatMessage(messagesFor(reader).common.printable.unprintable, { characters: describeCharacters(error.characters) });
}

import { storedCommitmentContentSchema, type CommitmentContent } from "./commitment-content";

/** Content read back from the database: validated again, since JSON columns carry no type. */
export function parseTemplateContent(json: unknown): CommitmentContent {
  return storedCommitmentContentSchema.parse(json);
}

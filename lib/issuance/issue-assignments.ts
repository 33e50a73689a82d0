import { z } from "zod";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import type { AuditContext } from "@/lib/audit/audit-types";
import { failure, forbidden, invalidInput, type FormResult } from "@/lib/forms/form-result";
import { idSchema } from "@/lib/forms/text-fields";
import { formatMessage } from "@/lib/i18n/format-message";
import { messagesFor } from "@/lib/i18n/messages-for";
import { findClerkBody } from "./find-clerk-body";
import { issueDocument } from "./issue-document";
import { listIssuanceQueue } from "./list-issuance-queue";

/** A clerk may issue a whole queue at once; more than this is cut into several clicks. */
const MAX_BATCH = 500;

const inputSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ assignmentIds: z.array(idSchema("assignment")).min(1).max(MAX_BATCH) }),
]);

export type IssueResult = FormResult & { issued?: number; refused?: { unit: string | null; reason: string }[] };

/**
 * The clerk issues the selected documents of their body, or every COMPLETED one waiting ("all"), each in its
 * own transaction and in the order given, so numbers follow the selection; one refused document does not stop
 * the rest. Says how many were issued and, per unit, why the others were not.
 */
export async function issueAssignments(actor: Actor | null, input: unknown, context: AuditContext = {}, now = () => new Date()): Promise<IssueResult> {
  if (!hasRole(actor, "CLERK")) return forbidden(actor);
  const m = messagesFor(actor).issuance;
  const body = await findClerkBody(actor);
  if (!body) return failure(m.noBody);
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, actor);
  const ids = "all" in parsed.data ? (await listIssuanceQueue(body.id)).map((row) => row.id) : [...new Set(parsed.data.assignmentIds)];
  if (ids.length === 0) return failure(m.refusals.nothingSelected);

  const outcomes = [];
  for (const id of ids) outcomes.push(await issueDocument(actor, body.id, id, context, now()));
  const issued = outcomes.filter((o) => o.ok);
  const refused = outcomes.flatMap((o) => (o.ok ? [] : [{ unit: o.unit, reason: o.refusal }]));
  const [only] = outcomes;
  if (outcomes.length === 1 && only) {
    return only.ok ? { ok: true, message: formatMessage(m.results.issued, { numberLine: only.numberLine, unit: only.unit }), issued: 1, refused } : { ...failure(only.refusal), issued: 0, refused };
  }
  const message =
    formatMessage(m.results.batch, { count: issued.length }) +
    (refused.length > 0 ? formatMessage(m.results.batchRefused, { count: refused.length }) : "");
  return { ok: issued.length > 0, message, issued: issued.length, refused };
}

import type { Messages } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";

type Problem = keyof Messages["verification"]["problems"];

// lib/signing/read-pdf-signatures.ts explains problems in fixed English; people read them in their own words.
const PROBLEMS: [RegExp, Problem][] = [
  [/^ByteRange is malformed/, "byteRange"],
  [/^The document was changed after signing/, "changed"],
  [/^The cryptographic signature does not verify/, "cryptographic"],
  [/^The certificate was not issued by the expected CA/, "notCityCa"],
  [/^The signature data is unreadable/, "unreadable"],
];

export function describeSignatureProblem(messages: Messages, problem: string): string {
  const known = PROBLEMS.find(([pattern]) => pattern.test(problem))?.[1];
  return known ? messages.verification.problems[known] : formatMessage(messages.verification.problems.other, { problem });
}

import { csvOf } from "@/lib/dashboard/units-csv";
import { xlsxOf } from "@/lib/dashboard/units-xlsx";
import type { Messages } from "@/lib/i18n/messages-for";
import { formatDate } from "@/lib/time/vietnam-time";
import type { RegisterRow } from "./list-register";

/** The register as a table, header row first, in the reader's language (the cells are the documents' own, Vietnamese). */
function registerTable(rows: RegisterRow[], messages: Messages): (string | number)[][] {
  const t = messages.issuance.register;
  return [
    [t.body, t.number, t.code, t.date, t.subject, t.signer, t.recipients],
    ...rows.map((r) => [r.bodyName, r.number, r.code, formatDate(r.issuedAt), r.subject, r.signerName, r.recipients.join("; ")]),
  ];
}

export const registerCsv = (rows: RegisterRow[], messages: Messages) => csvOf(registerTable(rows, messages));
export const registerXlsx = (rows: RegisterRow[], messages: Messages) => xlsxOf(messages.issuance.register.sheetName, registerTable(rows, messages));

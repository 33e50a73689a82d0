import { messagesFor, type Messages } from "@/lib/i18n/messages-for";
import type { CampaignUnitRow } from "./list-campaign-units";
import { unitsTableColumns } from "./units-table-columns";

const cell = (value: string | number) => {
  const text = String(value);
  // Quote what needs it; a leading = + - @ would run as a formula in Excel, so it is prefixed with '.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV with a UTF-8 byte order mark, so Excel shows Vietnamese correctly; headers in the reader's language. */
export function unitsCsv(rows: CampaignUnitRow[], messages: Messages = messagesFor()): string {
  const columns = unitsTableColumns(messages);
  return csvOf([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))]);
}

/** Any table (header row first) as that CSV: the outgoing register's export too. */
export function csvOf(table: (string | number)[][]): string {
  return `\uFEFF${table.map((l) => l.map(cell).join(",")).join("\r\n")}\r\n`;
}

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
  const lines = [columns.map((c) => cell(c.header)), ...rows.map((r) => columns.map((c) => cell(c.value(r))))];
  return `\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}

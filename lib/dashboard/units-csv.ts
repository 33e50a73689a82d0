import type { CampaignUnitRow } from "./list-campaign-units";
import { UNITS_TABLE_COLUMNS } from "./units-table-columns";

const cell = (value: string | number) => {
  const text = String(value);
  // Quote what needs it; a leading = + - @ would run as a formula in Excel, so it is prefixed with '.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV with a UTF-8 byte order mark, so Excel shows Vietnamese correctly. */
export function unitsCsv(rows: CampaignUnitRow[]): string {
  const lines = [UNITS_TABLE_COLUMNS.map((c) => cell(c.header)), ...rows.map((r) => UNITS_TABLE_COLUMNS.map((c) => cell(c.value(r))))];
  return `\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}

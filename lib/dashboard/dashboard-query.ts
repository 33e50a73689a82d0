import { z } from "zod";
import { messagesFor, type Messages } from "@/lib/i18n/messages-for";
import { UNIT_KINDS } from "@/lib/units/unit-schemas";
import { searchQuerySchema } from "@/lib/forms/search-query";
import { STATUS_FILTERS } from "./dashboard-status";

export const DASHBOARD_SORTS = ["unit", "status", "firstViewedAt", "signedAt", "countersignedAt", "overdue"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];
export const PAGE_SIZE = 25;

/**
 * The table's query string. Junk values fall back to defaults instead of failing: a mistyped link still
 * shows the dashboard (the page says which filter it ignored).
 */
export const dashboardQuerySchema = z.object({
  campaign: z.uuid().optional().catch(undefined),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  q: searchQuerySchema,
  sort: z.enum(DASHBOARD_SORTS).catch("unit"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** The same query as URL parameters (for links that change one thing: sort, page, export). */
export function dashboardQueryString(query: Partial<DashboardQuery>, changes: Partial<DashboardQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (key === "page" && value === 1) || (key === "sort" && value === "unit") || (key === "dir" && value === "asc")) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The parameters that were present but not understood (and so ignored), named for the person in their language. */
export function ignoredParams(raw: Record<string, string | string[] | undefined>, parsed: DashboardQuery, messages: Messages = messagesFor()): string[] {
  return Object.entries(messages.dashboard.params)
    .filter(([key]) => {
      const value = raw[key];
      if (value === undefined || value === "") return false;
      return Array.isArray(value) || String(parsed[key as keyof DashboardQuery]) !== value;
    })
    .map(([, label]) => label);
}

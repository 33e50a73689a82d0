import type { AssignmentStatus } from "@/lib/generated/prisma/enums";

/**
 * What the chairperson reads: an open assignment past its deadline is "quá hạn" instead of "chưa xem" or
 * "đã xem", so every live assignment is in exactly one of these six.
 */
export const DASHBOARD_STATUSES = ["PENDING", "VIEWED", "SIGNED", "COMPLETED", "ISSUED", "DECLINED", "OVERDUE"] as const;
export type DashboardStatus = (typeof DASHBOARD_STATUSES)[number];

/** Bar colours: dark enough for white numbers on them (contrast ≥ 4.5:1), and always labelled too. */
export const DASHBOARD_STATUS_COLORS: Record<DashboardStatus, string> = {
  PENDING: "#64748b",
  VIEWED: "#2563eb",
  SIGNED: "#b45309",
  COMPLETED: "#15803d",
  ISSUED: "#166534",
  DECLINED: "#dc2626",
  OVERDUE: "#7c2d12",
};

/** Filters offered on the table: the six statuses plus "chưa ký" (every open one, overdue or not). */
export const STATUS_FILTERS = [...DASHBOARD_STATUSES, "UNSIGNED"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function dashboardStatus(status: AssignmentStatus, deadline: Date, now: Date): DashboardStatus {
  if ((status === "PENDING" || status === "VIEWED") && deadline < now) return "OVERDUE";
  return status === "SUPERSEDED" ? "PENDING" : status;
}

import type { AssignmentStatus } from "@/lib/generated/prisma/enums";

// The statuses' names are in the catalogue: common.assignmentStatus.

export const ASSIGNMENT_STATUS_TONES = {
  PENDING: "gray",
  VIEWED: "blue",
  SIGNED: "amber",
  COMPLETED: "green",
  ISSUED: "green",
  DECLINED: "red",
  SUPERSEDED: "gray",
} as const satisfies Record<AssignmentStatus, string>;

/** Still waiting for the head: the states in which signing or declining is possible. */
export const OPEN_STATUSES = ["PENDING", "VIEWED"] as const satisfies readonly AssignmentStatus[];
/** Not yet signed: the printed head can still change (a declined one is reissued, never signed as is). */
export const UNSIGNED_STATUSES = [...OPEN_STATUSES, "DECLINED"] as const satisfies readonly AssignmentStatus[];

export const isOverdue = (status: AssignmentStatus, deadline: Date, now = new Date()) =>
  (OPEN_STATUSES as readonly AssignmentStatus[]).includes(status) && deadline < now;

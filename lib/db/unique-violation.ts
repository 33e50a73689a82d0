/**
 * Which unique constraint a failed write hit, or null when it was something else. Prisma reports P2002
 * with the constraint in `meta` (its shape differs between engines and driver adapters, so look at all of it).
 */
export function uniqueViolation(error: unknown): string | null {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return null;
  return JSON.stringify((error as { meta?: unknown }).meta ?? {});
}

/** True when `error` is a unique violation whose details mention `needle` (a column or an index name). */
export function isUniqueViolationOn(error: unknown, needle: string): boolean {
  return uniqueViolation(error)?.includes(needle) ?? false;
}

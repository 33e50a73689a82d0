import { ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

const DEFAULT_REQUIRED: readonly Role[] = ["ADMIN", "CHAIRPERSON", "CLERK"];

/**
 * The roles that must have a second factor before doing anything: CAMKET_2FA_REQUIRED_ROLES, a comma-separated
 * list of roles, or `none`. Privileged accounts by default — the government's rules for administrative systems
 * expect it of those who can change users, countersign or seal. A misspelt role stops the app: silently requiring
 * less than the operator wrote would be the wrong way to fail.
 */
export function rolesRequiringSecondFactor(env: Record<string, string | undefined> = process.env): readonly Role[] {
  const text = env.CAMKET_2FA_REQUIRED_ROLES?.trim();
  if (!text) return DEFAULT_REQUIRED;
  if (text.toLowerCase() === "none") return [];
  const roles = text.split(",").map((role) => role.trim().toUpperCase());
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length) throw new Error(`CAMKET_2FA_REQUIRED_ROLES: vai trò không có: ${unknown.join(", ")} (dùng ${ROLES.join(", ")} hoặc none)`);
  return roles as Role[];
}

export const secondFactorRequired = (role: Role) => rolesRequiringSecondFactor().includes(role);

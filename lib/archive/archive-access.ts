import { hasRole, type Actor } from "@/lib/auth/find-active-user";

/** Who may browse the archive, export it and hold API tokens: the city-level roles, never a unit head. */
export const canUseArchive = (actor: Actor | null): actor is Actor => hasRole(actor, "AUDITOR", "CHAIRPERSON", "ADMIN");

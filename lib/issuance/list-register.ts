import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { hasRole, type Actor } from "@/lib/auth/find-active-user";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { findClerkBody } from "./find-clerk-body";

export type RegisterRow = {
  assignmentId: string;
  bodyName: string;
  number: number;
  code: string;
  issuedAt: Date;
  subject: string;
  signerName: string;
  recipients: string[];
};

export type Register = {
  year: number;
  /** The body shown: the clerk's own, or the one a city-level reader picked (null: all bodies). */
  bodyId: string | null;
  /** For the body filter: every body to a city-level reader, none to a clerk (theirs is fixed). */
  bodies: { id: string; name: string }[];
  rows: RegisterRow[];
};

const querySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  body: z.uuid().or(z.literal("city")).optional().catch(undefined),
});

/**
 * Sổ văn bản đi of one calendar year (Việt Nam time), in number order per body: a CLERK reads their own
 * body's only; ADMIN, CHAIRPERSON and AUDITOR read every body's, or one picked with `body`. Null for anyone
 * else, and for a clerk not attached to a body.
 */
export async function listRegister(actor: Actor | null, query: Record<string, string | undefined>): Promise<Register | null> {
  if (!hasRole(actor, "CLERK", "ADMIN", "CHAIRPERSON", "AUDITOR")) return null;
  const { year = Number(vietnamToday().slice(0, 4)), body } = querySchema.parse(query);
  const clerkBody = actor.role === "CLERK" ? await findClerkBody(actor) : null;
  if (actor.role === "CLERK" && !clerkBody) return null;
  const bodyId = clerkBody?.id ?? body ?? null;
  const [rows, bodies] = await Promise.all([
    prisma.outgoingDocument.findMany({
      where: { year, ...(bodyId && { issuingBodyId: bodyId }) },
      orderBy: [{ issuingBody: { sortOrder: "asc" } }, { issuingBody: { name: "asc" } }, { number: "asc" }],
      select: REGISTER_FIELDS,
    }),
    clerkBody ? [] : prisma.issuingBody.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  return { year, bodyId, bodies, rows: rows.map(registerRow) };
}

/** The register's entries for one campaign's documents, in issuance order: the archive's so-van-ban-di.csv. */
export async function listCampaignRegister(campaignId: string): Promise<RegisterRow[]> {
  const rows = await prisma.outgoingDocument.findMany({
    where: { assignment: { campaignId } },
    orderBy: [{ issuedAt: "asc" }, { number: "asc" }],
    select: REGISTER_FIELDS,
  });
  return rows.map(registerRow);
}

const REGISTER_FIELDS = {
  assignmentId: true,
  number: true,
  code: true,
  issuedAt: true,
  subject: true,
  signerName: true,
  recipients: true,
  issuingBody: { select: { name: true } },
} as const;

const registerRow = ({ issuingBody, ...row }: { issuingBody: { name: string } } & Omit<RegisterRow, "bodyName">): RegisterRow => ({ ...row, bodyName: issuingBody.name });

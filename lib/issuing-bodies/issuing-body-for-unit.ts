import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What a document's header, place-and-date line and number code need from its issuing body (App. I ô 2–4). */
export type IssuingBodyHeader = {
  id: string;
  /** Official full name, uppercase, bold in the header: "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG". */
  name: string;
  /** The superior body's line above it, or null for a top-level body. */
  superiorName: string | null;
  /** Địa danh in "Phan Thiết, ngày … tháng … năm …". */
  placeName: string;
  /** Body abbreviation in the code: "CK-UBND". */
  abbreviation: string;
};

const HEADER_FIELDS = { id: true, name: true, superiorName: true, placeName: true, abbreviation: true } as const;

/**
 * The unit's own issuing body, or the city's when the admin has not given it one (the migration creates
 * the city body, so there always is one). `db`: a transaction's client when called inside one.
 */
export async function issuingBodyForUnit(unitId: string, db: Prisma.TransactionClient = prisma): Promise<IssuingBodyHeader> {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { issuingBody: { select: HEADER_FIELDS } } });
  return unit?.issuingBody ?? (await db.issuingBody.findFirstOrThrow({ where: { isCity: true }, select: HEADER_FIELDS, orderBy: { sortOrder: "asc" } }));
}

import type { DocumentKind } from "@/lib/generated/prisma/enums";

const KIND_SLUGS: Record<DocumentKind, string> = { ORIGINAL: "ban-goc", SIGNED: "da-ky", COUNTERSIGNED: "da-xac-nhan", ISSUED: "da-ban-hanh" };

/** ASCII file name for a stored version: cam-ket-phuong-duc-thang-da-ky.pdf (kind to old unzip tools and mail). */
export function documentFileName(unitSlug: string, kind: DocumentKind, revision = 1): string {
  return `cam-ket-${unitSlug}${revision > 1 ? `-lan-${revision}` : ""}-${KIND_SLUGS[kind]}.pdf`;
}

export const DOCUMENT_KINDS = ["ORIGINAL", "SIGNED", "COUNTERSIGNED", "ISSUED"] as const satisfies readonly DocumentKind[];

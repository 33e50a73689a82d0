import type { DelegationKind } from "@/lib/generated/prisma/enums";

/** What the signature block prints above the deputy's signature (Decree 30 App. I §II.7.b), drawn by sign-revision. */
export type OnBehalfOf = { prefix: "KT." | "Q." | "TM."; principalTitle: string; signerTitle: string };

// The position words a job title starts with, longest first so "Phó Chủ tịch" is not read as "Chủ tịch".
const POSITIONS = [
  "Phó Chánh Văn phòng",
  "Phó Chánh Thanh tra",
  "Chánh Văn phòng",
  "Chánh Thanh tra",
  "Phó Trưởng phòng",
  "Phó Trưởng ban",
  "Phó Giám đốc",
  "Phó Chủ tịch",
  "Phó Bí thư",
  "Trưởng phòng",
  "Trưởng ban",
  "Giám đốc",
  "Chủ tịch",
  "Bí thư",
];

/**
 * The position a signature block prints, upper case, without the body it belongs to (the header names the
 * body already): "Chủ tịch UBND phường" → "CHỦ TỊCH", "Trưởng phòng" → "TRƯỞNG PHÒNG". A title that starts
 * with no known position is printed whole.
 */
export function shortTitle(jobTitle: string): string {
  const title = jobTitle.trim().replace(/\s+/g, " ");
  const position = POSITIONS.find((p) => title.toLocaleLowerCase("vi").startsWith(p.toLocaleLowerCase("vi")));
  return (position ?? title).toLocaleUpperCase("vi");
}

/**
 * The authority lines for a deputy signing under a delegation: KT. <principal's position> / <deputy's
 * position>; Q. <principal's position> alone (an acting head signs as the head, with no second title);
 * TM. ỦY BAN NHÂN DÂN / <signer's position>.
 */
export function authorityLines(kind: DelegationKind, principalJobTitle: string, deputyJobTitle: string): OnBehalfOf {
  const signerTitle = shortTitle(deputyJobTitle);
  switch (kind) {
    case "KT":
      return { prefix: "KT.", principalTitle: shortTitle(principalJobTitle), signerTitle };
    case "Q":
      return { prefix: "Q.", principalTitle: shortTitle(principalJobTitle), signerTitle: "" };
    case "TM":
      return { prefix: "TM.", principalTitle: "ỦY BAN NHÂN DÂN", signerTitle };
  }
}

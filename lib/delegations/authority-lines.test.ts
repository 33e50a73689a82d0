import { describe, expect, it } from "vitest";
import { authorityLines, shortTitle } from "./authority-lines";

describe("the authority lines a deputy's signature block prints", () => {
  it("keeps the position, drops the body the header already names", () => {
    expect(shortTitle("Chủ tịch UBND phường")).toBe("CHỦ TỊCH");
    expect(shortTitle("Chủ tịch UBND thành phố")).toBe("CHỦ TỊCH");
    expect(shortTitle("Phó Chủ tịch UBND phường")).toBe("PHÓ CHỦ TỊCH");
    expect(shortTitle("Trưởng phòng")).toBe("TRƯỞNG PHÒNG");
    expect(shortTitle("phó trưởng phòng  Nội vụ")).toBe("PHÓ TRƯỞNG PHÒNG");
    expect(shortTitle("Chánh Văn phòng")).toBe("CHÁNH VĂN PHÒNG");
    expect(shortTitle("Cán bộ phụ trách")).toBe("CÁN BỘ PHỤ TRÁCH");
  });

  it("KT. principal / deputy; Q. principal alone; TM. the collective / signer", () => {
    expect(authorityLines("KT", "Chủ tịch UBND phường", "Phó Chủ tịch UBND phường")).toEqual({ prefix: "KT.", principalTitle: "CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH" });
    expect(authorityLines("KT", "Trưởng phòng", "Phó Trưởng phòng")).toEqual({ prefix: "KT.", principalTitle: "TRƯỞNG PHÒNG", signerTitle: "PHÓ TRƯỞNG PHÒNG" });
    expect(authorityLines("Q", "Trưởng phòng", "Phó Trưởng phòng")).toEqual({ prefix: "Q.", principalTitle: "TRƯỞNG PHÒNG", signerTitle: "" });
    expect(authorityLines("TM", "Chủ tịch UBND thành phố", "Phó Chủ tịch UBND thành phố")).toEqual({ prefix: "TM.", principalTitle: "ỦY BAN NHÂN DÂN", signerTitle: "PHÓ CHỦ TỊCH" });
  });
});

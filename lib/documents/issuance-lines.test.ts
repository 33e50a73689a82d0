import { describe, expect, it } from "vitest";
import { documentCode, issuanceDateLine, numberLine } from "./issuance-lines";

describe("issuance lines (App. I §II.3–4)", () => {
  it("writes the number with two digits below 10, after 'Số:' and before the code", () => {
    expect(numberLine(5, "CK-UBND")).toBe("Số: 05/CK-UBND");
    expect(numberLine(12, documentCode("CK", "UBND"))).toBe("Số: 12/CK-UBND");
    expect(numberLine(123, "CK-UBND")).toBe("Số: 123/CK-UBND");
    expect(numberLine(null, "CK-UBND")).toBe("Số: …/CK-UBND");
  });

  it("writes place and date with a zero before a day below 10 and months 1 and 2 only, the day as it is in Việt Nam", () => {
    expect(issuanceDateLine("Phan Thiết", new Date("2017-01-03T17:00:00Z"))).toBe("Phan Thiết, ngày 04 tháng 01 năm 2017");
    expect(issuanceDateLine("Phan Thiết", new Date("2026-02-08T18:00:00Z"))).toBe("Phan Thiết, ngày 09 tháng 02 năm 2026");
    expect(issuanceDateLine("Phan Thiết", new Date("2019-06-29T03:00:00Z"))).toBe("Phan Thiết, ngày 29 tháng 6 năm 2019");
    expect(issuanceDateLine("Phan Thiết", new Date("2026-12-04T16:59:59Z"))).toBe("Phan Thiết, ngày 04 tháng 12 năm 2026");
    expect(issuanceDateLine(" Phan  Thiết".normalize("NFD"), null)).toBe("Phan Thiết, ngày … tháng … năm …");
  });
});

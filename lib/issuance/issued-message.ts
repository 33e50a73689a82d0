/** The release notice (always Vietnamese, like every mail): the document's number, its unit, and where to read it. */
export function issuedMessage(f: { numberLine: string; unitName: string; campaignName: string; link: string }): { subject: string; body: string } {
  return {
    subject: `Văn bản ${f.numberLine.replace(/^Số: /, "số ")} đã ban hành — ${f.unitName}`,
    body: [
      "Kính gửi các đồng chí,",
      "",
      `Bản cam kết “${f.campaignName}” của ${f.unitName} đã được văn thư cấp số, ký số của cơ quan và ban hành: ${f.numberLine}. Văn bản đã ban hành tại:`,
      f.link,
      "",
      "Trân trọng,",
      "Văn thư",
    ].join("\n"),
  };
}

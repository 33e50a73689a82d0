import { PDFDocument } from "@cantoo/pdf-lib";
import { embedTinos } from "@/lib/pdf/fonts";

/** A small A4 document with Vietnamese text in embedded Tinos, standing in for a commitment PDF. */
export async function createSamplePdf(pageCount = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embedTinos(doc, "regular");
  for (let index = 0; index < pageCount; index++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText("BẢN CAM KẾT", { x: 230, y: 780, size: 16, font });
    page.drawText(`Người cam kết: Nguyễn Văn Đức — trang ${index + 1}/${pageCount}`, { x: 85, y: 740, size: 13, font });
    for (let line = 0; line < 30; line++) {
      page.drawText("Thực hiện công tác cải cách hành chính giai đoạn 2016 – 2020 tại thành phố Phan Thiết.", {
        x: 85,
        y: 700 - line * 18,
        size: 13,
        font,
      });
    }
  }
  return doc.save();
}

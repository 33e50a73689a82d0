import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run, tempDir } from "@/lib/signing/testing/external-tools";
import { renderValidationReport, type ReportSection } from "./render-validation-report";

describe("renderValidationReport", () => {
  it("paginates many signatures and events with 'Trang x/y', wraps long values and unbroken digests; qpdf --check clean", async () => {
    const digest = "ab".repeat(96); // wider than the value column, with no space to break at
    const sections: ReportSection[] = Array.from({ length: 12 }, (_, i) => ({
      heading: `Chữ ký ${i + 1}: Nguyễn Thị Ánh Tuyết ${i}`,
      rows: [
        ["Người ký", `Nguyễn Thị Ánh Tuyết ${i}`],
        ["Dấu vân tay", digest],
        ["Vấn đề", "Chứng thư của người ký đã hết hạn trước thời điểm kiểm tra và không có dấu thời gian chứng minh chữ ký tồn tại trước đó. ".repeat(3)],
      ],
    }));
    sections.push({ heading: "Nhật ký", rows: Array.from({ length: 150 }, (_, i): [string, string] => [`sự kiện ${i}`, `Xem văn bản — người-dùng-${i}@phanthiet.gov.vn`]) });
    const started = performance.now();
    const bytes = await renderValidationReport({ subtitle: "Đợt thử — Phường Mũi Né", generatedAt: "08:00:00 05/12/2026", sections });
    console.log(`rendered ${bytes.byteLength} bytes in ${(performance.now() - started).toFixed(0)} ms`);
    const dir = await tempDir("camket-report-pages-");
    const file = path.join(dir, "report.pdf");
    await writeFile(file, bytes);
    expect((await run("qpdf", ["--check", file])).code).toBe(0);
    const info = (await run("pdfinfo", [file])).output;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(3);
    const text = (await run("pdftotext", [file, "-"])).output;
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Trang ${page}/${pages}`);
    expect(text.replace(/\s+/g, "")).toContain(digest);
    expect(text).toContain("Nguyễn Thị Ánh Tuyết 11");
    expect(text).toContain("người-dùng-149@phanthiet.gov.vn");
    // Nothing drawn past the right margin: every line of the layout fits the page width pdftotext reports.
    const bbox = (await run("pdftotext", ["-bbox", file, "-"])).output;
    const xMax = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(xMax).toBeLessThanOrEqual(595.28 - 49);
  });
});

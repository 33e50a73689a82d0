/**
 * npx tsx bench/render.ts — median time to render one unit's commitment PDF, against the baseline of
 * loading and saving that same PDF unchanged (pdf-lib's own floor), measured in the same run.
 * Goal (issue 3): ≤ 40 ms median on the CI machine.
 */
import { PDFDocument } from "@cantoo/pdf-lib";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { renderAssignmentPdf } from "@/lib/documents/render-assignment-pdf";
import { fmt, medianMs } from "./median";

const facts = {
  unit: { name: "Phường Đức Thắng", kind: "WARD" as const },
  headName: "Nguyễn Hữu Đức",
  headTitle: "Chủ tịch UBND phường",
  documentDate: new Date("2017-01-03T17:00:00Z"),
};
const { bytes } = await renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, facts);
const render = await medianMs(() => renderAssignmentPdf(DEFAULT_COMMITMENT_CONTENT, facts), 50, 5);
const loadSave = await medianMs(async () => (await PDFDocument.load(bytes)).save({ useObjectStreams: false }), 50, 5);
console.log(`render one unit's PDF:   median ${fmt(render)} (${bytes.length} bytes)`);
console.log(`load+save same PDF:      median ${fmt(loadSave)}`);
console.log(`ratio render / load+save: ${(render / loadSave).toFixed(2)}×   goal: render ≤ 40 ms → ${render <= 40 ? "MET" : "NOT MET"}`);
process.exit(0);

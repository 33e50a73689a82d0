/**
 * npx tsx bench/render.ts — median time to render one unit's commitment PDF (resolve + layout + save), against
 * the baseline of loading and saving that same PDF unchanged (pdf-lib's own floor), measured in the same run.
 * Goal: ≤ 40 ms median on a 2-core machine.
 */
import { PDFDocument } from "@cantoo/pdf-lib";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { resolveCommitment, type CommitmentPlaceholders } from "@/lib/documents/resolve-commitment";
import { renderCommitmentPdf } from "@/lib/pdf/render-commitment-pdf";
import { fmt, medianMs } from "./median";

const placeholders: CommitmentPlaceholders = {
  unit: { name: "Phường Đức Thắng", kind: "WARD" },
  head: { fullName: "Nguyễn Hữu Đức", jobTitle: "Chủ tịch UBND phường" },
  city: { name: "Phan Thiết", chairpersonTitle: "CHỦ TỊCH UBND THÀNH PHỐ" },
  issuingBody: { name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC THẮNG", superiorName: "UBND THÀNH PHỐ PHAN THIẾT", placeName: "Phan Thiết" },
  documentCode: "CK-UBND",
  recipients: [],
  documentDate: new Date("2017-01-03T17:00:00Z"),
};
const renderOnce = () => renderCommitmentPdf(resolveCommitment(DEFAULT_COMMITMENT_CONTENT, placeholders));

const { bytes } = await renderOnce();
const render = await medianMs(renderOnce, 50, 5);
const loadSave = await medianMs(async () => (await PDFDocument.load(bytes)).save({ useObjectStreams: false }), 50, 5);
console.log(`render one unit's PDF:    median ${fmt(render)} (${bytes.length} bytes)`);
console.log(`load+save same PDF:       median ${fmt(loadSave)}`);
console.log(`ratio render / load+save: ${(render / loadSave).toFixed(2)}×   goal: render ≤ 40 ms → ${render <= 40 ? "MET" : "NOT MET"}`);

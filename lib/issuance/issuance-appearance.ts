import { issuanceDateLine, numberLine } from "@/lib/documents/issuance-lines";
import { stampFont } from "@/lib/signing/appearance-resources";
import type { SignPdfOptions, SignatureSlot } from "@/lib/signing/sign-pdf";
import { formatIsoVietnamTime } from "@/lib/time/vietnam-time";

/** What the organisation signature's revision prints: the register's number and code, the body, its seal. */
export type IssuanceFacts = {
  bodyName: string;
  placeName: string;
  sealPng: Uint8Array;
  sealDiameterMm: number;
  number: number;
  /** "CK-UBND" */
  code: string;
};

const POINTS_PER_MM = 72 / 25.4;
// The head's stamp as lib/signing/draw-signature-stamp lays it out: four 10 pt lines of 1.2 em under the
// image, 2 pt padding; the signing pad's canvas is 3:1 (components/review/signature-pad.tsx).
const HEAD_TEXT_HEIGHT = 4 * 12;
const PADDING = 2;
const PAD_ASPECT = 3;
/** The seal's own two lines (organisation, time) under it. */
const SEAL_TEXT_HEIGHT = 2 * 12;
/** Small print for those lines: the widget is made wide enough for them at this size. */
const SEAL_TEXT_SIZE = 7;
/** Ô 3 and ô 4 in 13 pt (App. I §II.3–4). */
const LINE_SIZE = 13;

/**
 * The ORGANISATION revision's appearance (App. I ô 8, ô 3, ô 4): the seal at its true size over about the
 * left third of the head's signature image, with the organisation's name and the signing time (ISO 8601,
 * +07:00) in small print under it; and two more widgets of the same field printing "Số: 05/CK-UBND" and
 * "Phan Thiết, ngày 04 tháng 01 năm 2017" in the rectangles the render reserved for them.
 */
export async function issuanceRevisionOptions(
  slots: { head: SignatureSlot; number: SignatureSlot; date: SignatureSlot },
  facts: IssuanceFacts,
  now: Date,
): Promise<Pick<SignPdfOptions, "slot" | "appearance" | "extraWidgets" | "name" | "location">> {
  const lines = [facts.bodyName, formatIsoVietnamTime(now)];
  return {
    slot: await sealSlot(slots.head, facts.sealDiameterMm * POINTS_PER_MM, lines),
    appearance: { imagePng: facts.sealPng, lines },
    extraWidgets: [
      { slot: slots.number, appearance: { text: numberLine(facts.number, facts.code), size: LINE_SIZE } },
      { slot: slots.date, appearance: { text: issuanceDateLine(facts.placeName, now), size: LINE_SIZE, face: "italic" } },
    ],
    name: facts.bodyName,
    location: facts.placeName,
  };
}

/**
 * The seal widget: its image area exactly the seal's diameter (so the stamp draws it at true size), the seal's
 * right edge a third of the way into the head's signature image and its centre level with the image's.
 */
async function sealSlot(head: SignatureSlot, diameter: number, lines: string[]): Promise<SignatureSlot> {
  const font = await stampFont(lines);
  const textWidth = Math.max(...lines.map((line) => (font.measure(line).width * SEAL_TEXT_SIZE) / 1000));
  const width = Math.max(diameter, textWidth) + 2 * PADDING;
  const height = diameter + SEAL_TEXT_HEIGHT + 2 * PADDING;
  const areaWidth = head.width - 2 * PADDING;
  const areaHeight = head.height - HEAD_TEXT_HEIGHT - 2 * PADDING;
  const imageWidth = Math.min(areaWidth, PAD_ASPECT * areaHeight);
  const imageLeft = head.x + PADDING + (areaWidth - imageWidth) / 2;
  const imageCentreY = head.y + HEAD_TEXT_HEIGHT + PADDING + areaHeight / 2;
  const sealCentreX = imageLeft + imageWidth / 3 - diameter / 2;
  return { page: head.page, x: sealCentreX - width / 2, y: imageCentreY - SEAL_TEXT_HEIGHT - PADDING - diameter / 2, width, height };
}

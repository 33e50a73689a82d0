import { describe, expect, it } from "vitest";
import { getFile } from "@/lib/storage/file-store";
import { createTestPki } from "@/lib/signing/testing/test-pki";
import { launchTestCampaign } from "@/lib/test/factories";
import { loadSigningContext } from "./load-signing-context";
import { signRevision } from "./sign-revision";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { textInRect } from "@/lib/test/pdf-layout";
import { pdfFonts, writeTemp } from "@/lib/test/pdf-tools";

describe("signRevision", () => {
  it("a stored PDF the writer cannot read is refused with the 'PDF unreadable' message, no library text", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    const { assignment: target } = await loadSigningContext(head!.actor, head!.assignment.id, "test");
    const pdf = (await getFile(head!.assignment.documentSha256))!;
    const pki = await createTestPki();
    const attempt = (bytes: Uint8Array) =>
      signRevision({ actor: head!.actor, target: target!, role: "HEAD", signer: pki.head.signer, now: new Date(), pdf: bytes });

    expect(await attempt(pdf.subarray(0, pdf.length - 40))).toEqual({ refusal: "Không đọc được bản PDF cần ký; hãy báo Phòng Nội vụ." });
    expect(await attempt(pdf)).toHaveProperty("revision");
  });

  it("draws the signer's name once in bold and 'Ký số: …' under the image, no title or unit line; KT. above when on behalf", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    const { assignment: target } = await loadSigningContext(head!.actor, head!.assignment.id, "test");
    const pki = await createTestPki();
    const now = new Date("2026-12-04T03:05:06Z"); // 10:05:06 in Phan Thiết
    const sign = async (onBehalfOf?: { prefix: "KT."; principalTitle: string; signerTitle: string }) => {
      const result = await signRevision({ actor: head!.actor, target: target!, role: "HEAD", signer: pki.head.signer, now, imagePng: createSignaturePng(), onBehalfOf });
      if (!("revision" in result)) throw new Error(result.refusal);
      return writeTemp(result.revision.bytes);
    };
    const slot = (target!.slots as { head: { page: number; x: number; y: number; width: number; height: number } }).head;

    const file = await sign();
    expect(textInRect(file, slot)).toBe(`${head!.actor.fullName} Ký số: 10:05:06 04/12/2026 (+07:00)`);
    expect(textInRect(file, slot)).not.toContain(head!.unit.name);
    expect(pdfFonts(file)).toMatch(/[A-Z]{6}\+Tinos-Bold\s+CID TrueType/);

    const delegated = await sign({ prefix: "KT.", principalTitle: "Chủ tịch", signerTitle: "Phó Chủ tịch" });
    expect(textInRect(delegated, slot)).toBe(`KT. CHỦ TỊCH PHÓ CHỦ TỊCH ${head!.actor.fullName} Ký số: 10:05:06 04/12/2026 (+07:00)`);
  });

  it("still signs a document stored before number and date slots existed (head and chairperson only)", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    const { assignment: target } = await loadSigningContext(head!.actor, head!.assignment.id, "test");
    const { head: headSlot, chairperson } = target!.slots as Record<string, unknown>;
    const pki = await createTestPki();
    const result = await signRevision({ actor: head!.actor, target: { ...target!, slots: { head: headSlot, chairperson } }, role: "HEAD", signer: pki.head.signer, now: new Date() });
    expect(result).toHaveProperty("revision");
  });
});

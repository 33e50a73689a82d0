import { describe, expect, it } from "vitest";
import { getFile } from "@/lib/storage/file-store";
import { createTestPki } from "@/lib/signing/testing/test-pki";
import { launchTestCampaign } from "@/lib/test/factories";
import { loadSigningContext } from "./load-signing-context";
import { signRevision } from "./sign-revision";

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
});

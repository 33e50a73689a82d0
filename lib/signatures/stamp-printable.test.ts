import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { signAssignment } from "./sign-assignment";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { actorFor, launchTestCampaign } from "@/lib/test/factories";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;

describe("the signature stamp never drops a character silently", () => {
  it("refuses to sign for a head whose name, stored before the input rule, holds a character the font lacks — nothing stored", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    // Written straight to the row, as data from before the input rule would be.
    await prisma.user.update({ where: { id: head.user.id }, data: { fullName: "Nguyễn 主席" } });
    const actor = await actorFor(head.user.id);
    const result = await signAssignment(actor, {
      assignmentId: head.assignment.id,
      reviewedSha256: head.assignment.documentSha256,
      password: head.password,
      signatureImage: png,
    });
    expect(result).toEqual({ ok: false, message: "Ký tự không in được trong văn bản: 主 (U+4E3B), 席 (U+5E2D)" });
    const after = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    expect(after.status).not.toBe("SIGNED");
    expect(after.documentSha256).toBe(head.assignment.documentSha256);
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: head.assignment.id, kind: "SIGNED" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { assignmentId: head.assignment.id, type: "ASSIGNMENT_SIGNED" } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkAuditChain } from "@/lib/audit/verify-audit-chain";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { launchTestCampaign } from "@/lib/test/factories";
import { signAssignment } from "./sign-assignment";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;

describe("signatures at the same moment", () => {
  it("ten heads signing at once, each twice from two tabs: ten stored, one each, the audit chain unbroken", async () => {
    const { heads } = await launchTestCampaign(10);
    const attempts = heads.flatMap((head) => {
      const input = { assignmentId: head.assignment.id, reviewedSha256: head.assignment.documentSha256, password: head.password, signatureImage: png };
      return [signAssignment(head.actor, input), signAssignment(head.actor, input)];
    });
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.ok)).toHaveLength(heads.length);
    const ids = heads.map((h) => h.assignment.id);
    expect(await prisma.assignment.count({ where: { id: { in: ids }, status: "SIGNED" } })).toBe(heads.length);
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: { in: ids }, kind: "SIGNED" } })).toBe(heads.length);
    expect(await prisma.auditEvent.count({ where: { assignmentId: { in: ids }, type: "ASSIGNMENT_SIGNED" } })).toBe(heads.length);
    expect((await checkAuditChain()).ok).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { checkAuditChain } from "@/lib/audit/verify-audit-chain";
import { countStatements } from "@/lib/test/count-statements";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { signAssignment } from "./sign-assignment";
import { countersignAssignment, startCountersigning } from "./countersign-assignment";
import { countersignAssignments } from "./countersign-assignments";
import { getSigningIdentity } from "./user-certificate-store";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;

async function signedCampaign(count: number, leaveUnsigned = 0) {
  const { heads } = await launchTestCampaign(count);
  for (const head of heads.slice(leaveUnsigned)) {
    const input = { assignmentId: head.assignment.id, reviewedSha256: head.assignment.documentSha256, password: head.password, signatureImage: png };
    expect(await signAssignment(head.actor, input)).toMatchObject({ ok: true });
  }
  const chair = await createActor("CHAIRPERSON");
  await getSigningIdentity(chair);
  const { grant } = await startCountersigning(chair, "MatKhau@123");
  return { heads, chair, grant: grant! };
}

describe("bulk countersign in chunks", () => {
  it("stores a chunk in a fixed number of statements, skips what it must and says why, keeps the audit chain valid", async () => {
    const { heads, chair, grant } = await signedCampaign(6, 1);
    const [unsigned, already, ...rest] = heads;
    expect(await countersignAssignment(chair, { assignmentId: already.assignment.id, grant, signatureImage: png })).toMatchObject({ ok: true });
    const missing = randomUUID();
    const ids = [unsigned.assignment.id, already.assignment.id, missing, ...rest.map((h) => h.assignment.id)];

    let result: Awaited<ReturnType<typeof countersignAssignments>> | undefined;
    const statements = await countStatements(async () => (result = await countersignAssignments(chair, { assignmentIds: ids, grant, signatureImage: png })));
    expect(result?.outcomes?.map((o) => [o.assignmentId, o.ok])).toEqual(ids.map((id, i) => [id, i >= 3]));
    expect(result?.outcomes?.[0].message).toContain(unsigned.unit.name);
    // Read, PDFs, BEGIN, one file insert per stored revision, the store statement, COMMIT.
    expect(statements.length).toBeLessThanOrEqual(5 + rest.length);

    const statuses = await prisma.assignment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    expect(statuses.filter((a) => a.status === "COMPLETED")).toHaveLength(1 + rest.length);
    const events = await prisma.auditEvent.count({ where: { type: "ASSIGNMENT_COUNTERSIGNED", assignmentId: { in: ids } } });
    expect(events).toBe(1 + rest.length);
    expect((await checkAuditChain()).ok).toBe(true);
  });

  it("requires the chairperson's signature image, like the head's: refused with the catalogue's message, nothing stored", async () => {
    const { heads, chair, grant } = await signedCampaign(2);
    const ids = heads.map((h) => h.assignment.id);
    for (const signatureImage of [undefined, ""]) {
      expect(await countersignAssignments(chair, { assignmentIds: ids, grant, signatureImage })).toMatchObject({
        ok: false,
        message: "Chưa có chữ ký: hãy vẽ hoặc gõ chữ ký của bạn",
      });
    }
    expect(await countersignAssignment(chair, { assignmentId: ids[0], grant })).toMatchObject({ ok: false, message: "Chưa có chữ ký: hãy vẽ hoặc gõ chữ ký của bạn" });
    expect(await prisma.assignmentDocument.count({ where: { assignmentId: { in: ids }, kind: "COUNTERSIGNED" } })).toBe(0);
    expect(new Set((await prisma.assignment.findMany({ where: { id: { in: ids } } })).map((a) => a.status))).toEqual(new Set(["SIGNED"]));
  });

  it("two chairpersons' tabs countersigning the same chunk at once: each assignment exactly once", async () => {
    const { heads, chair, grant } = await signedCampaign(4);
    const ids = heads.map((h) => h.assignment.id);
    const [a, b] = await Promise.all([
      countersignAssignments(chair, { assignmentIds: ids, grant, signatureImage: png }),
      countersignAssignments(chair, { assignmentIds: [...ids].reverse(), grant, signatureImage: png }),
    ]);
    const okA = new Set(a.outcomes!.filter((o) => o.ok).map((o) => o.assignmentId));
    const okB = new Set(b.outcomes!.filter((o) => o.ok).map((o) => o.assignmentId));
    for (const id of ids) expect(Number(okA.has(id)) + Number(okB.has(id))).toBe(1);
    const documents = await prisma.assignmentDocument.count({ where: { assignmentId: { in: ids }, kind: "COUNTERSIGNED" } });
    expect(documents).toBe(ids.length);
    expect((await checkAuditChain()).ok).toBe(true);
  });
});

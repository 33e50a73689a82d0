import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor, launchTestCampaign, signAsHead } from "@/lib/test/factories";
import { recordAssignmentView } from "./record-assignment-view";

const viewedEvents = (assignmentId: string) => prisma.auditEvent.count({ where: { assignmentId, type: "ASSIGNMENT_VIEWED" } });

describe("recordAssignmentView", () => {
  it("two concurrent first loads record one view; reloads, views after signing and other roles record none", async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    await Promise.all([recordAssignmentView(head.actor, head.assignment, {}), recordAssignmentView(head.actor, head.assignment, {})]);
    expect(await viewedEvents(head.assignment.id)).toBe(1);
    const viewed = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    expect(viewed.status).toBe("VIEWED");
    expect(viewed.firstViewedAt).not.toBeNull();

    await recordAssignmentView(head.actor, head.assignment, {}); // a reload before signing
    await recordAssignmentView(await createActor("CHAIRPERSON"), head.assignment, {});
    expect(await viewedEvents(head.assignment.id)).toBe(1);

    const signed = await signAsHead(head);
    expect(signed.ok).toBe(true);
    await recordAssignmentView(head.actor, head.assignment, {}); // the reload after signing
    expect(await viewedEvents(head.assignment.id)).toBe(1);
    const after = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id } });
    expect(after).toMatchObject({ status: "SIGNED", firstViewedAt: viewed.firstViewedAt });
  });
});

import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { startCountersigning } from "@/lib/signatures/countersign-assignment";
import { countersignAssignments } from "@/lib/signatures/countersign-assignments";
import { COUNTERSIGN_CHUNK } from "@/lib/signatures/countersign-chunk";
import { actorFor, createActor, createTestUser, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { demoSealPng } from "@/lib/issuing-bodies/demo-seal-png";

/**
 * `count` COMPLETED assignments (rendered, signed by their heads, countersigned by a chairperson) in units of a
 * fresh issuing body with a seal, and a clerk of that body.
 */
export async function issuanceFixture(count = 1, options: { seal?: boolean; currentTemplate?: boolean } = {}) {
  const launched = await launchTestCampaign(count, "WARD", { currentTemplate: options.currentTemplate });
  const tag = randomUUID().slice(0, 8);
  const body = await prisma.issuingBody.create({
    data: {
      name: `ỦY BAN NHÂN DÂN PHƯỜNG THỬ ${tag.toUpperCase()}`,
      superiorName: "UBND THÀNH PHỐ PHAN THIẾT",
      placeName: "Phan Thiết",
      abbreviation: "UBND",
      ...(options.seal !== false && { sealPng: new Uint8Array(demoSealPng("test")), sealSha256: tag, sealDiameterMm: 36 }),
    },
  });
  await prisma.unit.updateMany({ where: { id: { in: launched.heads.map((h) => h.unit.id) } }, data: { issuingBodyId: body.id } });
  for (const head of launched.heads) {
    const signed = await signAsHead(head);
    if (!signed.ok) throw new Error(signed.message);
  }
  const chair = await createActor("CHAIRPERSON");
  const { grant } = await startCountersigning(chair, "MatKhau@123");
  const ids = launched.heads.map((h) => h.assignment.id);
  for (let i = 0; i < ids.length; i += COUNTERSIGN_CHUNK) {
    const result = await countersignAssignments(chair, { assignmentIds: ids.slice(i, i + COUNTERSIGN_CHUNK), grant, signatureImage: signatureDataUrl() });
    if (!result.ok) throw new Error(result.message);
  }
  const clerkUser = await createTestUser({ role: "CLERK" });
  await prisma.user.update({ where: { id: clerkUser.id }, data: { issuingBodyId: body.id } });
  return { ...launched, body, chair, clerk: await actorFor(clerkUser.id), ids };
}

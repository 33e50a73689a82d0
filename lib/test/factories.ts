import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { Role, UnitKind } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";

// Test data with unique names, so test files can share one database without stepping on each other.

const suffix = () => randomUUID().slice(0, 8);

export async function createTestUnit(kind: UnitKind = "WARD") {
  const tag = suffix();
  return prisma.unit.create({ data: { kind, name: `Phường Thử ${tag}`, slug: `phuong-thu-${tag}`, code: `T${tag}`.toUpperCase() } });
}

export async function createTestUser(options: { role?: Role; unitId?: string | null; password?: string; active?: boolean } = {}) {
  const tag = suffix();
  return prisma.user.create({
    data: {
      email: `nguoi-thu-${tag}@phanthiet.gov.vn`,
      fullName: `Người Thử ${tag}`,
      jobTitle: "Chủ tịch UBND phường",
      role: options.role ?? "UNIT_HEAD",
      unitId: options.unitId ?? null,
      active: options.active ?? true,
      passwordHash: await hashPassword(options.password ?? "MatKhau@123"),
    },
  });
}

export async function actorFor(userId: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, fullName: true, jobTitle: true, role: true, locale: true, unitId: true, unit: { select: { id: true, name: true, kind: true } } },
  });
  return user;
}

export async function createActor(role: Role, unitId?: string): Promise<Actor> {
  const user = await createTestUser({ role, unitId });
  return actorFor(user.id);
}

/** A fresh published template version (the previous one becomes superseded), as an admin would publish it. */
export async function publishTestTemplate(admin: Actor, content: unknown) {
  const { saveTemplateDraft } = await import("@/lib/templates/save-template-draft");
  const { publishTemplateVersion } = await import("@/lib/templates/publish-template-version");
  const draft = await saveTemplateDraft(admin, content);
  if (!draft.ok || !draft.id) throw new Error(draft.message);
  const published = await publishTemplateVersion(admin, draft.id);
  if (!published.ok) throw new Error(published.message);
  return draft.id;
}

/** A drawn signature as the signing form posts it. */
export const signatureDataUrl = (png: Uint8Array = createSignaturePng()) => `data:image/png;base64,${Buffer.from(png).toString("base64")}`;

/** A head from launchTestCampaign signs their commitment as the form does: the reviewed hash, their password, a drawn signature. */
export async function signAsHead(head: { actor: Actor; password: string; assignment: { id: string; documentSha256: string } }) {
  const { signAssignment } = await import("@/lib/signatures/sign-assignment");
  const { id, documentSha256 } = head.assignment;
  return signAssignment(head.actor, { assignmentId: id, reviewedSha256: documentSha256, password: head.password, signatureImage: signatureDataUrl() });
}

/** Units with heads, and a launched campaign over exactly them (`currentTemplate`: the published template, none published anew). */
export async function launchTestCampaign(count = 2, kind: UnitKind = "WARD", { currentTemplate = false } = {}) {
  const { createCampaign } = await import("@/lib/campaigns/create-campaign");
  const { launchCampaign } = await import("@/lib/campaigns/launch-campaign");
  const { DEFAULT_COMMITMENT_CONTENT } = await import("@/lib/documents/default-commitment-content");
  const admin = await createActor("ADMIN");
  const templateVersionId = currentTemplate
    ? (await prisma.templateVersion.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } })).id
    : await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT);
  const heads = [];
  for (let i = 0; i < count; i++) {
    const unit = await createTestUnit(kind);
    const password = "MatKhau@123";
    const user = await createTestUser({ role: "UNIT_HEAD", unitId: unit.id, password });
    heads.push({ unit, user, password, actor: await actorFor(user.id) });
  }
  const created = await createCampaign(admin, {
    name: `Chiến dịch thử ${suffix()}`,
    templateVersionId,
    unitSelection: { mode: "UNITS", unitIds: heads.map((h) => h.unit.id) },
    deadline: "2099-12-31",
    documentDate: "2017-01-04",
  });
  if (!created.ok || !created.id) throw new Error(created.message);
  const launched = await launchCampaign(admin, created.id);
  if (!launched.ok) throw new Error(launched.message);
  const assignments = await prisma.assignment.findMany({ where: { campaignId: created.id } });
  return {
    admin,
    campaignId: created.id,
    heads: heads.map((h) => ({ ...h, assignment: assignments.find((a) => a.unitId === h.unit.id)! })),
  };
}

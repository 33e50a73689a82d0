import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { slugify } from "@/lib/units/slugify";
import { findActiveUserById } from "@/lib/auth/find-active-user";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { canonicalContentHash } from "@/lib/documents/commitment-content";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { createHash } from "node:crypto";
import { demoSealPng } from "@/lib/issuing-bodies/demo-seal-png";
import {
  DEMO_BODIES,
  DEMO_CAMPAIGN_NAME,
  DEMO_CLERKS,
  DEMO_DEPUTIES,
  DEMO_EMAIL_DOMAIN,
  DEMO_PASSWORD,
  DEMO_PLACE_NAME,
  DEMO_RECIPIENTS,
  DEMO_STAFF,
  DEMO_SUPERIOR_NAME,
  DEMO_UNITS,
} from "./demo-data";

/**
 * Seeds the demo city. Idempotent: rows that already exist (by slug / e-mail) are left untouched,
 * so a second run changes nothing and never overwrites what an admin edited.
 */
export async function seedDemoData(
  prisma: PrismaClient,
): Promise<{ createdUnits: number; createdBodies: number; createdUsers: number; createdCampaign: boolean }> {
  const existingUnits = new Set((await prisma.unit.findMany({ select: { slug: true } })).map((u) => u.slug));
  const missingUnits = DEMO_UNITS.map((u, i) => ({ ...u, slug: slugify(u.name), sortOrder: i + 1 })).filter(
    (u) => !existingUnits.has(u.slug),
  );
  await prisma.unit.createMany({
    data: missingUnits.map(({ kind, name, code, slug, sortOrder }) => ({ kind, name, code, slug, sortOrder })),
    skipDuplicates: true,
  });

  const createdBodies = await seedDemoBodies(prisma);
  const bodies = new Map((await prisma.issuingBody.findMany({ select: { id: true, name: true } })).map((b) => [b.name, b.id]));
  const cityBodyId = (await prisma.issuingBody.findFirstOrThrow({ where: { isCity: true }, orderBy: { sortOrder: "asc" }, select: { id: true } })).id;

  const units = new Map((await prisma.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const wanted = [
    ...[...DEMO_STAFF, ...DEMO_DEPUTIES].map((s) => ({ ...s, unitId: s.unitName ? units.get(s.unitName) : undefined })),
    ...DEMO_CLERKS.map((c) => ({ ...c, issuingBodyId: c.bodyName ? bodies.get(c.bodyName) : cityBodyId })),
    ...DEMO_UNITS.map((u) => ({
      email: `${slugify(u.name)}@${DEMO_EMAIL_DOMAIN}`,
      fullName: u.headName,
      jobTitle: u.headTitle,
      role: "UNIT_HEAD" as const,
      unitId: units.get(u.name),
    })),
  ];
  const existingEmails = new Set((await prisma.user.findMany({ select: { email: true } })).map((u) => u.email));
  const missingUsers = wanted.filter((u) => !existingEmails.has(u.email));
  if (missingUsers.length > 0) {
    // One hash for all demo accounts: they share the published demo password anyway.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await prisma.user.createMany({
      data: missingUsers.map((u) => ({
        email: u.email,
        fullName: u.fullName,
        jobTitle: u.jobTitle,
        role: u.role,
        unitId: ("unitId" in u ? u.unitId : undefined) ?? null,
        issuingBodyId: ("issuingBodyId" in u ? u.issuingBodyId : undefined) ?? null,
        passwordHash,
      })),
      skipDuplicates: true,
    });
  }
  return { createdUnits: missingUnits.length, createdBodies, createdUsers: missingUsers.length, createdCampaign: await seedDemoCampaign(prisma) };
}

/**
 * One issuing body per demo unit (by name), each unit linked to its own while it has none, and a drawn
 * demo seal for every body still without one — the city's included. An admin's later choices stay.
 */
async function seedDemoBodies(prisma: PrismaClient): Promise<number> {
  const existing = new Set((await prisma.issuingBody.findMany({ select: { name: true } })).map((b) => b.name));
  const missing = DEMO_BODIES.map((b, i) => ({ ...b, sortOrder: i + 1 })).filter((b) => !existing.has(b.name));
  await prisma.issuingBody.createMany({
    data: missing.map(({ name, abbreviation, sortOrder }) => ({ name, abbreviation, sortOrder, superiorName: DEMO_SUPERIOR_NAME, placeName: DEMO_PLACE_NAME })),
    skipDuplicates: true,
  });
  const bodies = new Map((await prisma.issuingBody.findMany({ select: { id: true, name: true } })).map((b) => [b.name, b.id]));
  for (const body of DEMO_BODIES) {
    await prisma.unit.updateMany({ where: { name: body.unitName, issuingBodyId: null }, data: { issuingBodyId: bodies.get(body.name) } });
  }
  const demoBodies = { sealPng: null, OR: [{ isCity: true }, { name: { in: DEMO_BODIES.map((b) => b.name) } }] };
  for (const body of await prisma.issuingBody.findMany({ where: demoBodies, select: { id: true, name: true } })) {
    const sealPng = demoSealPng(body.name);
    await prisma.issuingBody.update({ where: { id: body.id }, data: { sealPng: Buffer.from(sealPng), sealSha256: createHash("sha256").update(sealPng).digest("hex") } });
  }
  return missing.length;
}

/**
 * The 2017 template (version 1, published) and the campaign "Cam kết CCHC giai đoạn 2016–2020" launched
 * for all 30 units, dated 04/01/2017 as at the conference; the deadline is a month after seeding so the demo
 * starts with everyone still to sign. Goes through the same launch code as the admin screen.
 */
async function seedDemoCampaign(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.templateVersion.count()) === 0) {
    await prisma.templateVersion.create({
      data: {
        version: 1,
        status: "PUBLISHED",
        content: DEFAULT_COMMITMENT_CONTENT,
        contentHash: canonicalContentHash(DEFAULT_COMMITMENT_CONTENT),
        publishedAt: new Date(),
      },
    });
  }
  if ((await prisma.campaign.count({ where: { name: DEMO_CAMPAIGN_NAME } })) > 0) return false;
  const template = await prisma.templateVersion.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  const demoUnitIds = (await prisma.unit.findMany({ where: { name: { in: DEMO_UNITS.map((u) => u.name) } }, select: { id: true } })).map((u) => u.id);
  const admin = await findActiveUserById((await prisma.user.findUniqueOrThrow({ where: { email: DEMO_STAFF[0].email } })).id);
  const created = await createCampaign(admin, {
    name: DEMO_CAMPAIGN_NAME,
    templateVersionId: template.id,
    unitSelection: { mode: "UNITS", unitIds: demoUnitIds },
    deadline: vietnamToday(new Date(Date.now() + 30 * 24 * 3600_000)),
    documentDate: "2017-01-04",
    recipients: DEMO_RECIPIENTS,
  });
  if (!created.ok || !created.id) throw new Error(`Không tạo được chiến dịch mẫu: ${created.message}`);
  const launched = await launchCampaign(admin, created.id);
  if (!launched.ok) throw new Error(`Không phát động được chiến dịch mẫu: ${launched.message}`);
  return true;
}

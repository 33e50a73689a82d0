import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { slugify } from "@/lib/units/slugify";
import { findActiveUserById } from "@/lib/auth/find-active-user";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { canonicalContentHash } from "@/lib/documents/commitment-content";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { vietnamToday } from "@/lib/time/vietnam-today";
import { DEMO_CAMPAIGN_NAME, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_STAFF, DEMO_UNITS } from "./demo-data";

/**
 * Seeds the demo city. Idempotent: rows that already exist (by slug / e-mail) are left untouched,
 * so a second run changes nothing and never overwrites what an admin edited.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<{ createdUnits: number; createdUsers: number; createdCampaign: boolean }> {
  const existingUnits = new Set((await prisma.unit.findMany({ select: { slug: true } })).map((u) => u.slug));
  const missingUnits = DEMO_UNITS.map((u, i) => ({ ...u, slug: slugify(u.name), sortOrder: i + 1 })).filter(
    (u) => !existingUnits.has(u.slug),
  );
  await prisma.unit.createMany({
    data: missingUnits.map(({ kind, name, code, slug, sortOrder }) => ({ kind, name, code, slug, sortOrder })),
    skipDuplicates: true,
  });

  const units = new Map((await prisma.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const wanted = [
    ...DEMO_STAFF.map((s) => ({ ...s, unitId: s.unitName ? units.get(s.unitName) : undefined })),
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
      data: missingUsers.map(({ email, fullName, jobTitle, role, unitId }) => ({
        email,
        fullName,
        jobTitle,
        role,
        unitId: unitId ?? null,
        passwordHash,
      })),
      skipDuplicates: true,
    });
  }
  return { createdUnits: missingUnits.length, createdUsers: missingUsers.length, createdCampaign: await seedDemoCampaign(prisma) };
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
  });
  if (!created.ok || !created.id) throw new Error(`Không tạo được chiến dịch mẫu: ${created.message}`);
  const launched = await launchCampaign(admin, created.id);
  if (!launched.ok) throw new Error(`Không phát động được chiến dịch mẫu: ${launched.message}`);
  return true;
}

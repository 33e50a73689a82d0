import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { slugify } from "@/lib/units/slugify";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, DEMO_STAFF, DEMO_UNITS } from "./demo-data";

/**
 * Seeds the demo city. Idempotent: rows that already exist (by slug / e-mail) are left untouched,
 * so a second run changes nothing and never overwrites what an admin edited.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<{ createdUnits: number; createdUsers: number }> {
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
  return { createdUnits: missingUnits.length, createdUsers: missingUsers.length };
}

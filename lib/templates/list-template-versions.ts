import { prisma } from "@/lib/db/client";

/** Every version, newest first, with how many campaigns use it. */
export function listTemplateVersions() {
  return prisma.templateVersion.findMany({
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      status: true,
      contentHash: true,
      createdAt: true,
      updatedAt: true,
      publishedAt: true,
      _count: { select: { campaigns: true } },
    },
  });
}

/** The version campaigns may use now (at most one is PUBLISHED at a time). */
export function getPublishedTemplateVersion() {
  return prisma.templateVersion.findFirst({ where: { status: "PUBLISHED" }, orderBy: { version: "desc" } });
}

export async function getTemplateVersion(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return prisma.templateVersion.findUnique({ where: { id } });
}

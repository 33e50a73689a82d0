import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { Role, UnitKind } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";

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
    select: { id: true, email: true, fullName: true, jobTitle: true, role: true, unitId: true, unit: { select: { id: true, name: true, kind: true } } },
  });
  return user;
}

export async function createActor(role: Role, unitId?: string): Promise<Actor> {
  const user = await createTestUser({ role, unitId });
  return actorFor(user.id);
}

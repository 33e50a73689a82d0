import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-server";
import {
  createMigration,
  deployMigrations,
  diffMigrationsToSchema,
  MIGRATIONS_DIR,
  migrationStatus,
} from "@/lib/db/migration-engine";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const migrationNames = async () => (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe("migrations on a fresh embedded database", () => {
  let fresh: EmbeddedPostgres;
  beforeAll(async () => {
    fresh = await startEmbeddedPostgres({ port: 0 });
  });
  afterAll(async () => {
    await fresh?.stop();
  });

  it("reports every migration as pending, then deploys them and creates the tables", async () => {
    const names = await migrationNames();
    expect((await migrationStatus(fresh.url)).pending).toEqual(names);

    expect(await deployMigrations(fresh.url)).toEqual(names);

    const tables = await query<{ table_name: string }>(
      fresh.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["Unit", "User", "_prisma_migrations"]));
    const status = await migrationStatus(fresh.url);
    expect(status).toMatchObject({ applied: names, pending: [], failed: [], edited: [], drift: null, upToDate: true });
    expect(await deployMigrations(fresh.url)).toEqual([]);
  });

  it("detects drift when the database is changed by hand", async () => {
    await query(fresh.url, 'CREATE INDEX "hand_made_idx" ON "Unit" ("sortOrder")');
    const status = await migrationStatus(fresh.url);
    expect(status.upToDate).toBe(false);
    expect(status.drift).toContain("hand_made_idx");
  });
});

describe("migrations folder", () => {
  it("matches schema.prisma exactly (no change to generate, no drift loop)", async () => {
    expect(await diffMigrationsToSchema()).toBeNull();
  });

  it("creates a first migration with the partial unique index, then reports no changes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "camket-migrations-"));
    try {
      const created = await createMigration("init", { migrationsDir: dir });
      expect(created).toMatch(/[/\\]\d{14}_init$/);
      const sql = await readFile(path.join(created!, "migration.sql"), "utf8");
      expect(sql).toContain(
        `CREATE UNIQUE INDEX "User_one_active_head_per_unit" ON "User"("unitId") WHERE (role = 'UNIT_HEAD' AND active);`,
      );
      expect(await readFile(path.join(dir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
      expect(await createMigration("again", { migrationsDir: dir })).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("applies scripts with $$ function bodies whole", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "camket-migrations-"));
    const db = await startEmbeddedPostgres({ port: 0 });
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await mkdir(path.join(dir, "99990101000000_function"));
      await writeFile(
        path.join(dir, "99990101000000_function", "migration.sql"),
        "CREATE FUNCTION camket_two() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN 2; END; $$;\n",
      );
      await deployMigrations(db.url, { migrationsDir: dir });
      expect(await query(db.url, "SELECT camket_two() AS two")).toEqual([{ two: 2 }]);
    } finally {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("test database prepared by the global setup", () => {
  it("is the one workers see, fully migrated", async () => {
    expect(process.env.DATABASE_URL).toBe(inject("databaseUrl"));
    const status = await migrationStatus(inject("databaseUrl"));
    expect(status).toMatchObject({ pending: [], drift: null, upToDate: true });
  });

  it("refuses a second active unit head for one unit, allows it once the first is inactive", async () => {
    const tag = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const unit = await prisma.unit.create({
      data: { kind: "WARD", name: `Phường thử ${tag}`, slug: `phuong-thu-${tag}`, code: `T${tag}` },
    });
    const head = (n: number) => ({
      email: `head${n}-${tag}@example.test`,
      fullName: `Trưởng ${n}`,
      jobTitle: "Chủ tịch UBND",
      role: "UNIT_HEAD" as const,
      unitId: unit.id,
      passwordHash: "x",
    });
    try {
      const first = await prisma.user.create({ data: head(1) });
      await expect(prisma.user.create({ data: head(2) })).rejects.toMatchObject({ code: "P2002" });
      await prisma.user.create({ data: { ...head(3), role: "AUDITOR" } });
      await prisma.user.update({ where: { id: first.id }, data: { active: false } });
      await expect(prisma.user.create({ data: head(4) })).resolves.toMatchObject({ active: true });
    } finally {
      await prisma.user.deleteMany({ where: { unitId: unit.id } });
      await prisma.unit.delete({ where: { id: unit.id } });
    }
  });
});

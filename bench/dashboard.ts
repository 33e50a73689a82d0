/**
 * npx tsx bench/dashboard.ts — a synthetic province of 10,000 units on PostgreSQL (DATABASE_URL, default
 * the local server at 127.0.0.1:5432; a fresh database is created and dropped), with a campaign in mixed
 * states. Prints the median time of the dashboard's data functions and, in the same run, of a hand-written
 * GROUP BY over the same tables, interleaved, and their ratio; then every sort, both directions, first and last
 * page. Goals (issue 12): summary ≤ 1.0× the GROUP BY; any page ≤ 15 ms.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { deployMigrations } from "@/lib/db/migration-engine";
import { fmt } from "./median";
import { interleavedMedians, resultNumber } from "./interleaved";

const UNITS = 10_000;
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `camket_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

try {
  await deployMigrations(url.toString());
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const campaignId = randomUUID();
  const templateId = randomUUID();
  // Bulk-load with SQL: units of all three kinds, one head each, one assignment each in mixed states.
  await db.query(`
    INSERT INTO "Unit" (id, kind, name, slug, code, "sortOrder", "updatedAt")
    SELECT gen_random_uuid()::text, (ARRAY['AGENCY','WARD','COMMUNE'])[1 + i % 3]::"UnitKind",
           'Đơn vị thử ' || i, 'don-vi-thu-' || i, 'B' || i, i, now()
    FROM generate_series(1, ${UNITS}) AS i;
    INSERT INTO "User" (id, email, "fullName", "jobTitle", role, "unitId", "passwordHash", "updatedAt")
    SELECT gen_random_uuid()::text, 'head-' || u.code || '@bench.vn', 'Người đứng đầu ' || u.code, 'Trưởng phòng', 'UNIT_HEAD', u.id, 'x', now()
    FROM "Unit" u;
    INSERT INTO "TemplateVersion" (id, version, status, content, "updatedAt") VALUES ('${templateId}', 1, 'PUBLISHED', '{}', now());
    INSERT INTO "Campaign" (id, name, "templateVersionId", "unitSelection", deadline, "documentDate", status, "updatedAt")
    VALUES ('${campaignId}', 'Tỉnh thử', '${templateId}', '{"mode":"ALL"}', now() + interval '3 days', now(), 'LAUNCHED', now());
    INSERT INTO "Assignment" (id, "campaignId", "unitId", "headUserId", "headName", "headTitle", "documentSha256", status, "firstViewedAt", "signedAt", "updatedAt")
    SELECT gen_random_uuid()::text, '${campaignId}', u.id, h.id, h."fullName", h."jobTitle", md5(u.id),
           (ARRAY['PENDING','VIEWED','SIGNED','COMPLETED','DECLINED'])[1 + (u."sortOrder" * 7) % 5]::"AssignmentStatus",
           CASE WHEN (u."sortOrder" * 7) % 5 > 0 THEN now() END, CASE WHEN (u."sortOrder" * 7) % 5 IN (2, 3) THEN now() END, now()
    FROM "Unit" u JOIN "User" h ON h."unitId" = u.id;
    ANALYZE;`);

  const { getCampaignSummary } = await import("@/lib/dashboard/get-campaign-summary");
  const { listCampaignUnits } = await import("@/lib/dashboard/list-campaign-units");
  const { dashboardQuerySchema, DASHBOARD_SORTS } = await import("@/lib/dashboard/dashboard-query");

  // The same answer as the summary (units by kind × status, overdue derived) written by hand and sent with plain pg.
  const handWritten = `
    SELECT u.kind, CASE WHEN a.status IN ('PENDING', 'VIEWED') AND c.deadline < $2 THEN 'OVERDUE' ELSE a.status::text END AS status, count(*)
    FROM "Assignment" a JOIN "Unit" u ON u.id = a."unitId" JOIN "Campaign" c ON c.id = a."campaignId"
    WHERE a."campaignId" = $1 AND a.status <> 'SUPERSEDED' GROUP BY 1, 2`;
  const summaryTimes = await interleavedMedians(
    { groupBy: () => db.query(handWritten, [campaignId, new Date()]), summary: () => getCampaignSummary(campaignId) },
    { rounds: 31, warmup: 10 },
  );
  const summaryRatio = summaryTimes.summary / summaryTimes.groupBy;
  console.log(`${UNITS} units, one campaign in mixed states, PostgreSQL; medians of 31 interleaved rounds after 10 warm-up`);
  console.log(`hand-written GROUP BY (baseline):   ${fmt(summaryTimes.groupBy)}`);
  console.log(`getCampaignSummary (kind × status): ${fmt(summaryTimes.summary)}  = ${summaryRatio.toFixed(2)}× baseline (goal ≤ 1.0×)`);

  // Every sort in both directions, first and last page, plus the filtered search: the worst is the number.
  const pages: Record<string, () => Promise<unknown>> = {
    "ward + unsigned + search": () => listCampaignUnits(campaignId, dashboardQuerySchema.parse({ kind: "WARD", status: "UNSIGNED", q: "thu 99" })),
  };
  for (const sort of DASHBOARD_SORTS) {
    for (const dir of ["asc", "desc"]) {
      for (const page of ["1", String(Math.ceil(UNITS / 25))]) {
        pages[`${sort} ${dir} page ${page}`] = () => listCampaignUnits(campaignId, dashboardQuerySchema.parse({ sort, dir, page }));
      }
    }
  }
  const pageTimes = await interleavedMedians(pages, { rounds: 9, warmup: 3 });
  const [worstName, worst] = Object.entries(pageTimes).sort((a, b) => b[1] - a[1])[0];
  for (const [name, ms] of Object.entries(pageTimes)) console.log(`table, ${name.padEnd(28)} ${fmt(ms)}`);
  console.log(`worst page: ${worstName}, ${fmt(worst)}  (goal ≤ 15 ms → ${worst <= 15 ? "MET" : "NOT MET"})`);
  console.log(`RESULT summary_x_groupby=${resultNumber(summaryRatio)} worst_page_ms=${resultNumber(worst)}`);
  await db.end();
} finally {
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
process.exit(0);

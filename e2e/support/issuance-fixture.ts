/**
 * e2e only: three COMPLETED commitments (own units, heads, a campaign on the published template) under a fresh
 * issuing body with a seal, and a clerk of that body — what the admin's body and clerk screens and the
 * signers' pages would produce — written into the running app's database (CAMKET_DATA_DIR) through its server.
 * Prints { clerkEmail, password, bodyName, units } as JSON.
 */
import { runMaintenance } from "@/lib/db/run-maintenance";

await runMaintenance("e2e issuance fixture", { code: 1, message: "Không tạo được dữ liệu thử ban hành" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("@/lib/db/client");
  const { issuanceFixture } = await import("@/lib/issuance/testing/issuance-fixture");
  const fixture = await issuanceFixture(3, { currentTemplate: true });
  // The demo campaign stays the newest launched one: the dashboard opens on it in the specs that follow.
  await prisma.campaign.update({ where: { id: fixture.campaignId }, data: { launchedAt: new Date("2017-01-01T00:00:00Z") } });
  console.log(JSON.stringify({ clerkEmail: fixture.clerk.email, password: "MatKhau@123", bodyName: fixture.body.name, units: fixture.heads.map((h) => h.unit.name) }));
  await prisma.$disconnect();
  return 0;
});

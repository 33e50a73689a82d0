/**
 * `npm run audit:verify`: recomputes the audit log's hash chain. Exit 0 intact, 1 broken (names the first
 * broken event), 2 could not check (database unreachable or busy) — so a script can tell "tampered" from
 * "try again". Against a running camket's embedded database it reads through that server.
 */
import { runMaintenance } from "@/lib/db/run-maintenance";

await runMaintenance("npm run audit:verify", { code: 2, message: "Không kiểm tra được chuỗi nhật ký kiểm toán" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("@/lib/db/client");
  const { checkAuditChain } = await import("@/lib/audit/verify-audit-chain");
  const report = await checkAuditChain();
  (report.ok ? console.log : console.error)(report.message);
  await prisma.$disconnect();
  return report.ok ? 0 : 1;
});

/** `npm run audit:verify`: recomputes the audit log's hash chain; exit 1 and names the first broken event. */
import { resolveDatabaseUrl } from "@/lib/db/embedded-server";

const database = await resolveDatabaseUrl();
process.env.DATABASE_URL = database.url;
const { prisma } = await import("@/lib/db/client");
const { checkAuditChain } = await import("@/lib/audit/verify-audit-chain");
const report = await checkAuditChain();
(report.ok ? console.log : console.error)(report.message);
await prisma.$disconnect();
await database.stop();
process.exit(report.ok ? 0 : 1);

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor } from "@/lib/test/factories";
import { recordAuditEvent } from "./record-audit-event";
import { checkAuditChain, verifyAuditChain } from "./verify-audit-chain";

const exec = promisify(execFile);
// The same statement as in the documents_and_campaigns migration.
const CREATE_TRIGGER = `CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION camket_refuse_change()`;

async function recordTwoEvents() {
  for (const type of ["LOGIN", "DOCUMENT_DOWNLOADED"] as const) {
    await prisma.$transaction((tx) => recordAuditEvent(tx, { type, actorEmail: "kiemtoan@phanthiet.gov.vn", data: { note: "thử" } }));
  }
  return prisma.auditEvent.findMany({ orderBy: { id: "desc" }, take: 2 }).then((rows) => rows.reverse());
}

describe("audit chain", () => {
  it("the database refuses UPDATE and DELETE on the audit log", async () => {
    const [event] = await recordTwoEvents();
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "type" = 'LOGIN_FAILED' WHERE id = ${event!.id}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event!.id}`).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event!.id } })).type).toBe("LOGIN");
  });

  it("an intact chain verifies; auditors may run the check, unit heads may not", async () => {
    await recordTwoEvents();
    const report = await verifyAuditChain(await createActor("AUDITOR"));
    expect(report).toMatchObject({ ok: true });
    expect(report!.message).toMatch(/^Chuỗi nhật ký nguyên vẹn: đã kiểm tra \d+ sự kiện/);
    const english = await verifyAuditChain({ ...(await createActor("AUDITOR")), locale: "en" });
    expect(english!.message).toMatch(/^The audit log chain is intact: \d+ events checked, every hash and link matches\.$/);
    expect(await verifyAuditChain(await createActor("UNIT_HEAD"))).toBeNull();
    expect(await verifyAuditChain(null)).toBeNull();
  });

  it("with the trigger dropped, an edited event and a deleted event are each named (changes rolled back)", async () => {
    const [first, second] = await recordTwoEvents();
    const rollback = new Error("rollback");
    const inTamperedDb = async (tamper: string, id: bigint) => {
      let report: Awaited<ReturnType<typeof checkAuditChain>> | undefined;
      await prisma
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`);
          await tx.$executeRawUnsafe(tamper, id);
          report = await checkAuditChain(tx);
          throw rollback;
        })
        .catch((error) => {
          if (error !== rollback) throw error;
        });
      return report!;
    };

    const edited = await inTamperedDb(`UPDATE "AuditEvent" SET data = '{"note":"sửa"}' WHERE id = $1`, first!.id);
    expect(edited).toMatchObject({ ok: false, broken: { id: String(first!.id), type: "LOGIN", reason: "hash" } });
    expect(edited.message).toContain(`Chuỗi nhật ký bị đứt tại sự kiện #${first!.id} (LOGIN, lúc `);
    expect(edited.message).toContain("có nội dung không khớp với mã băm đã lưu");

    const deleted = await inTamperedDb(`DELETE FROM "AuditEvent" WHERE id = $1`, first!.id);
    expect(deleted).toMatchObject({ ok: false, broken: { id: String(second!.id), type: "DOCUMENT_DOWNLOADED", reason: "link" } });

    // The rollback restored both the row and the trigger.
    expect(await checkAuditChain()).toMatchObject({ ok: true });
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${first!.id}`).rejects.toThrow(/append-only/);
  });

  it("npm run audit:verify exits 1 and names the broken event, 0 once repaired", async () => {
    const [event] = await recordTwoEvents();
    const run = () =>
      exec("npx", ["tsx", "scripts/audit-verify.ts"], { env: process.env }).then(
        (r) => ({ code: 0, output: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
      );
    await prisma.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`);
    try {
      await prisma.$executeRaw`UPDATE "AuditEvent" SET "actorEmail" = 'ke-gian@example.com' WHERE id = ${event!.id}`;
      const broken = await run();
      expect(broken.code).toBe(1);
      expect(broken.output).toContain(`Chuỗi nhật ký bị đứt tại sự kiện #${event!.id} (LOGIN`);
      await prisma.$executeRaw`UPDATE "AuditEvent" SET "actorEmail" = 'kiemtoan@phanthiet.gov.vn' WHERE id = ${event!.id}`;
    } finally {
      await prisma.$executeRawUnsafe(CREATE_TRIGGER);
    }
    const repaired = await run();
    expect(repaired).toMatchObject({ code: 0 });
    expect(repaired.output).toContain("Chuỗi nhật ký nguyên vẹn");
  });
});

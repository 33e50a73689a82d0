import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { auditHashTemplate, storedEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/audit-types";
import { writeBlob } from "@/lib/storage/file-store";
import type { AssignmentStatus } from "@/lib/generated/prisma/enums";
import type { SignedUnderDelegation } from "@/lib/delegations/signing-on-behalf";
import { OPEN_STATUSES } from "@/lib/assignments/assignment-status";

export const SIGNING_ROLES = {
  HEAD: { field: "NguoiCamKet", slot: "head", from: OPEN_STATUSES, to: "SIGNED", kind: "SIGNED", event: "ASSIGNMENT_SIGNED", reason: "Người đứng đầu ký cam kết thực hiện công tác cải cách hành chính" },
  CHAIRPERSON: { field: "ChuTichXacNhan", slot: "chairperson", from: ["SIGNED"], to: "COMPLETED", kind: "COUNTERSIGNED", event: "ASSIGNMENT_COUNTERSIGNED", reason: "Chủ tịch UBND thành phố xác nhận bản cam kết", archive: true },
  // The seal is placed from the head's slot; the number and date go in their own (lib/issuance/issuance-appearance).
  ORGANISATION: { field: "CoQuanBanHanh", slot: "head", from: ["COMPLETED"], to: "ISSUED", kind: "ISSUED", event: "ASSIGNMENT_ISSUED", reason: "Văn thư ký số của cơ quan, tổ chức (Nghị định 30/2020/NĐ-CP)", archive: true },
} as const satisfies Record<string, { from: readonly AssignmentStatus[]; to: AssignmentStatus } & Record<string, unknown>>;
export type SigningRole = keyof typeof SIGNING_ROLES;

export type SignedRevision = {
  assignmentId: string;
  unitId: string;
  campaignId: string;
  sha256Before: string;
  sha256After: string;
  bytes: Uint8Array;
  /** The revision ends with a document timestamp (B-LTA, lib/long-term/add-long-term-data): recorded for renewal. */
  archiveTimestamp?: { tsaCertificateExpiresAt: Date };
};

/** Whether a role's revision finishes the document, so that an archive time-stamp (B-LTA) closes it. */
export const archivesDocument = (role: SigningRole): boolean => "archive" in SIGNING_ROLES[role];

/** The outgoing register's row (sổ văn bản đi) an ORGANISATION revision is stored with. */
export type RegisterEntry = { issuingBodyId: string; year: number; number: number; code: string; subject: string; signerName: string; recipients: string[] };

/**
 * Stores signed revisions in one statement (its own transaction), after writing their blobs: it flips each
 * assignment's status only if it still has the status and exact bytes that were signed and the certificate is
 * still unrevoked, inserts the file and document rows for each one that moved, and appends one audit event per moved one to
 * the hash chain — the chain's head read under its lock inside the statement (camket_audit_chain_head), each
 * hash finished in SQL from the text lib/audit/record-audit-event hashes. A revision whose assignment moved
 * meanwhile (signed in another session) or whose certificate was revoked is left out, nothing else changes.
 * Returns the ids of the assignments that moved, and whether the certificate was found revoked.
 *
 * ORGANISATION (issuance): the certificate is the issuing body's (OrganisationCertificate), the revision goes
 * with its register row, and `db` is the issuance's transaction (whose counter row lock holds the number).
 */
export async function storeSignatures(params: {
  actor: Actor;
  role: SigningRole;
  certificate: { id: string; serialHex: string };
  revisions: readonly SignedRevision[];
  context: AuditContext;
  now: Date;
  /** A deputy signed under this delegation: recorded on the document row and in the audit event. */
  delegation?: SignedUnderDelegation;
  /** With ORGANISATION: its one revision's register row. */
  register?: RegisterEntry;
  db?: Prisma.TransactionClient;
}): Promise<{ stored: Set<string>; revoked: boolean }> {
  const { actor, certificate, revisions, now, register } = params;
  const role = SIGNING_ROLES[params.role];
  const events = revisions.map((r) =>
    storedEvent({
      ...params.context,
      type: role.event,
      at: now,
      unitId: r.unitId,
      campaignId: r.campaignId,
      assignmentId: r.assignmentId,
      data: {
        sha256Before: r.sha256Before,
        sha256After: r.sha256After,
        certificateSerial: certificate.serialHex,
        ...(params.delegation && { delegation: params.delegation }),
        ...(register && { number: register.number, code: register.code }),
        ...(r.archiveTimestamp && { archiveTimestampUntil: r.archiveTimestamp.tsaCertificateExpiresAt.toISOString() }),
      },
    }),
  );
  const templates = events.map(auditHashTemplate);
  const e = events[0] ?? storedEvent({ ...params.context, type: role.event });
  const column = (pick: (r: SignedRevision) => string) => revisions.map(pick);
  // Milliseconds, UTC, as Prisma stores DateTime and as the audit hash covers it.
  const at = now.toISOString();
  const isHead = params.role === "HEAD";
  const isOrganisation = params.role === "ORGANISATION";
  const certificates = isOrganisation ? Prisma.sql`"OrganisationCertificate"` : Prisma.sql`"UserCertificate"`;
  // Its unique (body, year, number) refuses a number the register already holds: the statement fails, nothing is stored.
  const registered = register
    ? Prisma.sql`,
      registered AS (
        INSERT INTO "OutgoingDocument" (id, "issuingBodyId", year, number, code, "assignmentId", "issuedAt", subject, "signerName", recipients, "issuedById")
        SELECT gen_random_uuid()::text, ${register.issuingBodyId}, ${register.year}, ${register.number}, ${register.code}, m.id, ${at}::timestamp(3),
               ${register.subject}, ${register.signerName}, ${register.recipients}::text[], ${actor.id}
        FROM moved m
      )`
    : Prisma.empty;

  // A document timestamp closing a revision is the first of its archive chain (lib/long-term/renew-archive-timestamps).
  const archived = revisions.filter((r) => r.archiveTimestamp);
  const archiveRows = archived.length
    ? Prisma.sql`,
      archived AS (
        INSERT INTO "ArchiveTimestamp" (id, "assignmentId", "sha256Before", sha256, "tsaCertificateExpiresAt", reason)
        SELECT gen_random_uuid()::text, m.id, a.before, m.after, a.until, ${role.to}
        FROM moved m JOIN unnest(${archived.map((r) => r.assignmentId)}::text[], ${archived.map((r) => r.sha256Before)}::text[],
                                 ${archived.map((r) => r.archiveTimestamp!.tsaCertificateExpiresAt.toISOString())}::timestamp(3)[])
             AS a(id, before, until) ON a.id = m.id
      )`
    : Prisma.empty;

  // The blobs are durable before the statement runs; if it moves nothing they stay as orphans for
  // `npm run storage:cleanup`, never a row without its bytes.
  const blobs = await Promise.all(revisions.map((r) => writeBlob(r.bytes)));
  const rows = await (params.db ?? prisma).$queryRaw<{ id: string | null; revoked: boolean }[]>`
      WITH RECURSIVE input AS (
        SELECT * FROM unnest(${column((r) => r.assignmentId)}::text[], ${column((r) => r.sha256Before)}::text[],
                             ${column((r) => r.sha256After)}::text[], ${templates.map((t) => t.prefix)}::text[],
                             ${templates.map((t) => t.suffix)}::text[], ${events.map((ev) => JSON.stringify(ev.data))}::text[])
               WITH ORDINALITY AS t(id, before, after, prefix, suffix, data, ord)
      ),
      moved AS (
        UPDATE "Assignment" a
        SET status = ${role.to}::"AssignmentStatus", "documentSha256" = i.after,
            "signedAt" = CASE WHEN ${isHead} THEN ${at}::timestamp(3) ELSE a."signedAt" END,
            "countersignedAt" = CASE WHEN ${params.role === "CHAIRPERSON"} THEN ${at}::timestamp(3) ELSE a."countersignedAt" END,
            "issuedAt" = CASE WHEN ${isOrganisation} THEN ${at}::timestamp(3) ELSE a."issuedAt" END
        FROM input i
        WHERE a.id = i.id AND a.status::text = ANY(${[...role.from]}::text[]) AND a."documentSha256" = i.before
          AND EXISTS (SELECT 1 FROM ${certificates} c WHERE c.id = ${certificate.id} AND c."revokedAt" IS NULL)
          AND NOT EXISTS (SELECT 1 FROM "Campaign" k WHERE k.id = a."campaignId" AND k.status = 'CLOSED')
        RETURNING a.id, i.after, i.prefix, i.suffix, i.data, i.ord
      ),
      files AS (
        INSERT INTO "StoredFile" (sha256, size, crc32, "contentType")
        SELECT f.sha256, f.size, f.crc32, 'application/pdf'
        FROM unnest(${blobs.map((b) => b.sha256)}::text[], ${blobs.map((b) => b.size)}::int[], ${blobs.map((b) => b.crc32)}::bigint[]) AS f(sha256, size, crc32)
        WHERE f.sha256 IN (SELECT after FROM moved)
        ON CONFLICT (sha256) DO NOTHING
      ),
      numbered AS (SELECT m.*, row_number() OVER (ORDER BY m.ord) AS n FROM moved m),
      chain AS (
        SELECT 0::bigint AS n, camket_audit_chain_head() AS hash WHERE EXISTS (SELECT 1 FROM moved)
        UNION ALL
        SELECT x.n, encode(sha256(convert_to(x.prefix || c.hash || x.suffix, 'UTF8')), 'hex')
        FROM chain c JOIN numbered x ON x.n = c.n + 1
      ),
      documents AS (
        INSERT INTO "AssignmentDocument" (id, "assignmentId", kind, sha256, "certificateId", "organisationCertificateId", "delegationId", "signedAt", "createdById")
        SELECT gen_random_uuid()::text, m.id, ${role.kind}::"DocumentKind", m.after, ${isOrganisation ? null : certificate.id}::text,
               ${isOrganisation ? certificate.id : null}::text, ${params.delegation?.id ?? null}::text, ${at}::timestamp(3), ${actor.id}
        FROM moved m
      )${registered}${archiveRows},
      appended AS (
        INSERT INTO "AuditEvent" (at, type, "actorId", "actorEmail", ip, "userAgent", "unitId", "campaignId", "assignmentId", data, "prevHash", hash)
        SELECT ${at}::timestamp(3), ${e.type}, ${e.actorId}, ${e.actorEmail}, ${e.ip}, ${e.userAgent},
               ev."unitId", ev."campaignId", x.id, x.data::jsonb, p.hash, c.hash
        FROM numbered x
        JOIN chain c ON c.n = x.n
        JOIN chain p ON p.n = x.n - 1
        JOIN unnest(${column((r) => r.assignmentId)}::text[], ${column((r) => r.unitId)}::text[], ${column((r) => r.campaignId)}::text[])
             AS ev(id, "unitId", "campaignId") ON ev.id = x.id
        ORDER BY x.n
      )
      SELECT m.id, NOT EXISTS (SELECT 1 FROM ${certificates} c WHERE c.id = ${certificate.id} AND c."revokedAt" IS NULL) AS revoked
      FROM (SELECT 1) AS one LEFT JOIN moved m ON true`;
  return { stored: new Set(rows.flatMap((r) => (r.id ? [r.id] : []))), revoked: rows[0]?.revoked ?? false };
}

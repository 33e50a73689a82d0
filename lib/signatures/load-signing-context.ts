import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { throttleAddress, type ThrottleRow } from "@/lib/auth/login-throttle";
import type { StoredCredentials } from "@/lib/auth/authenticate-user";
import type { AssignmentStatus, Role } from "@/lib/generated/prisma/enums";
import type { StoredCertificate } from "./user-certificate-store";

export type SigningTarget = {
  id: string;
  unitId: string;
  unitName: string;
  campaignId: string;
  status: AssignmentStatus;
  documentSha256: string;
  headUserId: string;
  headName: string;
  /** The ORIGINAL document's signatureSlots (validated by the signing pipeline). */
  slots: unknown;
};

export type SigningContext = {
  /** Null when the assignment does not exist or, for a head, belongs to another unit (nothing leaks). */
  assignment: SigningTarget | null;
  /** By id, the same rule; those not there are absent (a bulk countersignature's chunk). */
  assignments: Map<string, SigningTarget>;
  certificate: StoredCertificate | null;
  /** Whether the admin lets the signer use the server-held key (SigningMethod SERVER_KEY). */
  serverKeyAllowed: boolean;
  credentials: StoredCredentials;
};

type Row = Omit<SigningTarget, "unitName" | "slots"> & {
  unitName: string | null;
  slots: unknown;
  certificateId: string | null;
  serialHex: string | null;
  certDer: Uint8Array | null;
  encryptedKey: Uint8Array | null;
  notAfter: Date | null;
  revokedAt: Date | null;
  userId: string | null;
  userEmail: string | null;
  fullName: string | null;
  role: Role | null;
  userUnitId: string | null;
  sessionVersion: number | null;
  active: boolean | null;
  passwordHash: string | null;
  serverKeyAllowed: boolean | null;
  failures: number | null;
  lastFailureAt: Date | null;
};

/**
 * Everything one signature (or a chunk of countersignatures) needs before the PDF work, in one statement: the assignment with its unit and
 * the original's signature slots, the signer's latest certificate, and what the password re-check needs
 * (the signer's hash and their re-check throttle row). The deadline-day profile spent more time in the
 * fifteen statements this replaces than in signing the PDF.
 */
export async function loadSigningContext(actor: Actor, assignmentIds: string | readonly string[], throttleKey: string): Promise<SigningContext> {
  const ids = typeof assignmentIds === "string" ? [assignmentIds] : [...assignmentIds];
  const email = actor.email.trim().toLowerCase();
  const address = throttleAddress(throttleKey);
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT a.id, a."unitId", a."campaignId", a.status, a."documentSha256", a."headUserId", a."headName",
           un.name AS "unitName", d."signatureSlots" AS slots,
           c.id AS "certificateId", c."serialHex", c."certDer", c."encryptedKey", c."notAfter", c."revokedAt",
           u.id AS "userId", u.email AS "userEmail", u."fullName", u.role, u."unitId" AS "userUnitId",
           u."sessionVersion", u.active, u."passwordHash", 'SERVER_KEY' = ANY(u."signingMethods") AS "serverKeyAllowed",
           t.failures, t."lastFailureAt"
    FROM (SELECT 1) AS one
    LEFT JOIN "Assignment" a ON a.id = ANY(${ids}::text[])
    LEFT JOIN "Unit" un ON un.id = a."unitId"
    LEFT JOIN "AssignmentDocument" d ON d."assignmentId" = a.id AND d.kind = 'ORIGINAL'
    LEFT JOIN LATERAL (
      SELECT * FROM "UserCertificate" WHERE "userId" = ${actor.id} AND method = 'SERVER_KEY' ORDER BY "createdAt" DESC LIMIT 1
    ) c ON true
    LEFT JOIN "User" u ON u.email = ${email}
    LEFT JOIN "LoginThrottle" t ON t.email = ${email} AND t.address = ${address}`;
  const visible = rows.filter((r) => r.id !== null && (actor.role !== "UNIT_HEAD" || actor.unitId === r.unitId));
  const assignments = new Map(visible.map((r) => [r.id, targetOf(r)]));
  const row = rows[0];
  return {
    assignment: assignments.get(ids[0]) ?? null,
    assignments,
    certificate: certificateOf(row),
    serverKeyAllowed: row?.serverKeyAllowed === true,
    credentials: { email, address: throttleKey, user: userOf(row), throttle: throttleOf(row) },
  };
}

function targetOf(row: Row): SigningTarget {
  const { id, unitId, unitName, campaignId, status, documentSha256, headUserId, headName, slots } = row;
  return { id, unitId, unitName: unitName ?? "", campaignId, status, documentSha256, headUserId, headName, slots };
}

function certificateOf(row: Row): StoredCertificate | null {
  const { certificateId, serialHex, certDer, encryptedKey, notAfter, revokedAt } = row;
  if (!certificateId || !serialHex || !certDer || !encryptedKey || !notAfter) return null;
  return { id: certificateId, serialHex, certDer, encryptedKey, notAfter, revokedAt };
}

function userOf(row: Row): StoredCredentials["user"] {
  const { userId, userEmail, fullName, role, userUnitId, sessionVersion, active, passwordHash } = row;
  if (!userId || !userEmail || fullName === null || !role || sessionVersion === null || active === null || passwordHash === null) return null;
  return { id: userId, email: userEmail, fullName, role, unitId: userUnitId, sessionVersion, active, passwordHash };
}

function throttleOf(row: Row): ThrottleRow | null {
  return row.failures === null || row.lastFailureAt === null ? null : { failures: row.failures, lastFailureAt: row.lastFailureAt };
}

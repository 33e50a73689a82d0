import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { throttleAddress, type ThrottleRow } from "@/lib/auth/login-throttle";
import type { StoredCredentials } from "@/lib/auth/authenticate-user";
import type { AssignmentStatus, CampaignStatus, DelegationKind, Role } from "@/lib/generated/prisma/enums";
import type { DeputyDelegation } from "@/lib/delegations/delegation-refusal";
import type { StoredCertificate } from "./user-certificate-store";
import type { SigningRole } from "./store-signatures";

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
  campaignStatus: CampaignStatus;
  deadline: Date;
  reopenedUntil: Date | null;
  /** For a DEPUTY: the delegation they would sign under (the one valid now, else the latest); null for anyone else. */
  delegation: DeputyDelegation | null;
};

export type SigningContext = {
  /** Null when the assignment does not exist or, for a head, belongs to another unit (nothing leaks). */
  assignment: SigningTarget | null;
  /** By id, the same rule; those not there are absent (a bulk countersignature's chunk). */
  assignments: Map<string, SigningTarget>;
  certificate: StoredCertificate | null;
  /** Whether the admin lets the signer use the server-held key (SigningMethod SERVER_KEY). */
  serverKeyAllowed: boolean;
  /** Whether the signer has a second factor on: then a signature with the server-held key asks for it too. */
  secondFactorEnabled: boolean;
  credentials: StoredCredentials;
};

type Row = Omit<SigningTarget, "unitName" | "slots" | "delegation"> & {
  unitName: string | null;
  slots: unknown;
  delegationId: string | null;
  delegationKind: DelegationKind | null;
  principalId: string | null;
  principalName: string | null;
  principalTitle: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  delegationRevokedAt: Date | null;
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
  secondFactorEnabled: boolean | null;
  failures: number | null;
  lastFailureAt: Date | null;
};

/**
 * Everything one signature (or a chunk of countersignatures) needs before the PDF work, in one statement: the assignment with its unit and
 * the original's signature slots, the signer's latest certificate, and what the password re-check needs
 * (the signer's hash and their re-check throttle row). The deadline-day profile spent more time in the
 * fifteen statements this replaces than in signing the PDF. A DEPUTY acts as `deputyRole` (the head's
 * signature, or the chairperson's countersignature): each assignment comes with the delegation they would
 * sign under — from its named head, or from the chairperson — and is only there when one exists.
 */
export async function loadSigningContext(
  actor: Actor,
  assignmentIds: string | readonly string[],
  throttleKey: string,
  { deputyRole = "HEAD", now = new Date() }: { deputyRole?: SigningRole; now?: Date } = {},
): Promise<SigningContext> {
  const ids = typeof assignmentIds === "string" ? [assignmentIds] : [...assignmentIds];
  const email = actor.email.trim().toLowerCase();
  const address = throttleAddress(throttleKey);
  const isDeputy = actor.role === "DEPUTY";
  const forChairperson = deputyRole === "CHAIRPERSON";
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT a.id, a."unitId", a."campaignId", a.status, a."documentSha256", a."headUserId", a."headName", a."reopenedUntil",
           k.status AS "campaignStatus", k.deadline,
           dl.id AS "delegationId", dl.kind AS "delegationKind", dl."principalId", dl."principalName", dl."principalTitle",
           dl."validFrom", dl."validUntil", dl."revokedAt" AS "delegationRevokedAt",
           un.name AS "unitName", d."signatureSlots" AS slots,
           c.id AS "certificateId", c."serialHex", c."certDer", c."encryptedKey", c."notAfter", c."revokedAt",
           u.id AS "userId", u.email AS "userEmail", u."fullName", u.role, u."unitId" AS "userUnitId",
           u."sessionVersion", u.active, u."passwordHash", 'SERVER_KEY' = ANY(u."signingMethods") AS "serverKeyAllowed",
           EXISTS (SELECT 1 FROM "SecondFactor" f WHERE f."userId" = u.id AND f."enabledAt" IS NOT NULL) AS "secondFactorEnabled",
           t.failures, t."lastFailureAt"
    FROM (SELECT 1) AS one
    LEFT JOIN "Assignment" a ON a.id = ANY(${ids}::text[])
    LEFT JOIN "Unit" un ON un.id = a."unitId"
    LEFT JOIN "Campaign" k ON k.id = a."campaignId"
    LEFT JOIN LATERAL (
      SELECT x.id, x.kind, x."principalId", p."fullName" AS "principalName", p."jobTitle" AS "principalTitle", x."validFrom", x."validUntil", x."revokedAt"
      FROM "Delegation" x JOIN "User" p ON p.id = x."principalId"
      WHERE ${isDeputy}::boolean AND x."deputyId" = ${actor.id}
        AND CASE WHEN ${forChairperson}::boolean THEN p.role = 'CHAIRPERSON' AND p.active ELSE x."principalId" = a."headUserId" END
      ORDER BY (x."revokedAt" IS NULL AND x."validFrom" <= ${now} AND x."validUntil" >= ${now}) DESC, x."validUntil" DESC
      LIMIT 1
    ) dl ON true
    LEFT JOIN "AssignmentDocument" d ON d."assignmentId" = a.id AND d.kind = 'ORIGINAL'
    LEFT JOIN LATERAL (
      SELECT * FROM "UserCertificate" WHERE "userId" = ${actor.id} AND method = 'SERVER_KEY' ORDER BY "createdAt" DESC LIMIT 1
    ) c ON true
    LEFT JOIN "User" u ON u.email = ${email}
    LEFT JOIN "LoginThrottle" t ON t.email = ${email} AND t.address = ${address}`;
  const visible = rows.filter((r) => r.id !== null && visibleTo(actor, r));
  const assignments = new Map(visible.map((r) => [r.id, targetOf(r)]));
  const row = rows[0];
  return {
    assignment: assignments.get(ids[0]) ?? null,
    assignments,
    certificate: certificateOf(row),
    serverKeyAllowed: row?.serverKeyAllowed === true,
    secondFactorEnabled: row?.secondFactorEnabled === true,
    credentials: { email, address: throttleKey, user: userOf(row), throttle: throttleOf(row) },
  };
}

/** A head sees only their unit's; a deputy only those someone delegated to them (in or out of its period, so a refusal can say why). */
function visibleTo(actor: Actor, row: Row): boolean {
  if (actor.role === "UNIT_HEAD") return actor.unitId === row.unitId;
  if (actor.role === "DEPUTY") return row.delegationId !== null;
  return true;
}

function targetOf(row: Row): SigningTarget {
  const { id, unitId, unitName, campaignId, status, documentSha256, headUserId, headName, slots, campaignStatus, deadline, reopenedUntil } = row;
  return { id, unitId, unitName: unitName ?? "", campaignId, status, documentSha256, headUserId, headName, slots, campaignStatus, deadline, reopenedUntil, delegation: delegationOf(row) };
}

function delegationOf(row: Row): DeputyDelegation | null {
  const { delegationId, delegationKind, principalId, principalName, principalTitle, validFrom, validUntil, delegationRevokedAt } = row;
  if (!delegationId || !delegationKind || !principalId || principalName === null || principalTitle === null || !validFrom || !validUntil) return null;
  return { id: delegationId, kind: delegationKind, principalId, principalName, principalTitle, validFrom, validUntil, revokedAt: delegationRevokedAt };
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

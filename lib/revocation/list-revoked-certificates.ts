import { prisma } from "@/lib/db/client";
import { issuedByCityCa } from "./issued-by-city-ca";
import { canonicalSerialHex } from "./serial-number";

export interface RevokedCertificate {
  serialHex: string;
  revokedAt: Date;
}

/** Every revoked certificate the city CA issued (people's and issuing bodies'), oldest revocation first. */
export async function listRevokedCertificates(caCertDer: Uint8Array): Promise<RevokedCertificate[]> {
  const select = { certDer: true, serialHex: true, revokedAt: true } as const;
  const where = { revokedAt: { not: null } };
  const [people, bodies] = await Promise.all([
    prisma.userCertificate.findMany({ where, select }),
    prisma.organisationCertificate.findMany({ where, select }),
  ]);
  return [...people, ...bodies]
    .filter((row) => issuedByCityCa(new Uint8Array(row.certDer), caCertDer))
    .map((row) => ({ serialHex: canonicalSerialHex(row.serialHex), revokedAt: row.revokedAt! }))
    .sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime());
}

/**
 * A cheap fingerprint of the revocation state (count and latest time of each table): one small query per
 * request tells every instance whether its cached CRL still holds, so a revocation shows in the next request.
 */
export async function revocationStateKey(): Promise<string> {
  const where = { revokedAt: { not: null } };
  const [people, bodies] = await Promise.all([
    prisma.userCertificate.aggregate({ where, _count: { _all: true }, _max: { revokedAt: true } }),
    prisma.organisationCertificate.aggregate({ where, _count: { _all: true }, _max: { revokedAt: true } }),
  ]);
  return [people, bodies].map((a) => `${a._count._all}@${a._max.revokedAt?.toISOString() ?? "-"}`).join("|");
}

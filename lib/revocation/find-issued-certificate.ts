import { prisma } from "@/lib/db/client";
import { issuedByCityCa } from "./issued-by-city-ca";
import { serialSpellings } from "./serial-number";

export type IssuedCertificateStatus = { status: "good" } | { status: "revoked"; revokedAt: Date };

/**
 * What the city CA knows of the certificate with this serial: good, revoked (and when), or null when it never
 * issued one (a foreign CA's certificate with the same serial does not count). People's, issuing bodies' and
 * the deployment's own service certificates (the built-in TSA) share the CA's serial space.
 */
export async function findIssuedCertificate(serialHex: string, caCertDer: Uint8Array): Promise<IssuedCertificateStatus | null> {
  const where = { serialHex: { in: serialSpellings(serialHex) } };
  const select = { certDer: true, revokedAt: true } as const;
  const [people, bodies, services] = await Promise.all([
    prisma.userCertificate.findMany({ where, select }),
    prisma.organisationCertificate.findMany({ where, select }),
    prisma.serviceCertificate.findMany({ where, select: { certDer: true } }),
  ]);
  const ours = [...people, ...bodies, ...services.map((row) => ({ ...row, revokedAt: null }))].filter((row) =>
    issuedByCityCa(new Uint8Array(row.certDer), caCertDer),
  );
  if (ours.length === 0) return null;
  const revoked = ours.find((row) => row.revokedAt !== null);
  return revoked?.revokedAt ? { status: "revoked", revokedAt: revoked.revokedAt } : { status: "good" };
}

import { prisma } from "@/lib/db/client";
import { createCityCa, CITY_ORGANIZATION, type CityCaKey } from "@/lib/signing/city-ca";
import { openStoredKey, sealKey } from "./open-stored-key";

const CA_ID = "city-ca";

export type CityCa = CityCaKey & { certPem: string; sha256Fingerprint: string; subject: string; serialHex: string; notBefore: Date; notAfter: Date };

let cached: Promise<CityCa> | undefined;

const pem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`;

/**
 * The deployment's root CA, created on first need. Two processes racing to create it both insert with
 * ON CONFLICT DO NOTHING on the fixed id and then read back the one that won.
 */
export function getCityCa(): Promise<CityCa> {
  cached ??= loadOrCreate().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadOrCreate(): Promise<CityCa> {
  let row = await prisma.cityCa.findUnique({ where: { id: CA_ID } });
  if (!row) {
    const ca = await createCityCa({
      commonName: `${CITY_ORGANIZATION} — CA ký số`,
      organization: CITY_ORGANIZATION,
      locality: "Phan Thiết",
      stateOrProvince: "Bình Thuận",
      country: "VN",
      validityYears: 10,
    });
    await prisma.cityCa.createMany({
      data: [
        {
          id: CA_ID,
          subject: ca.subject,
          serialHex: ca.serialHex,
          certDer: new Uint8Array(ca.certDer),
          encryptedKey: sealKey(CA_ID, ca.certDer, ca.privateKeyPkcs8),
          sha256Fingerprint: ca.sha256Fingerprint,
          notBefore: ca.notBefore,
          notAfter: ca.notAfter,
        },
      ],
      skipDuplicates: true,
    });
    row = await prisma.cityCa.findUniqueOrThrow({ where: { id: CA_ID } });
  }
  const certDer = new Uint8Array(row.certDer);
  const encryptedKey = new Uint8Array(row.encryptedKey);
  return {
    certDer,
    certPem: pem(certDer),
    privateKeyPkcs8: await openStoredKey({
      ownerId: CA_ID,
      label: "the city CA",
      certDer,
      encryptedKey,
      rewrap: (sealed) => prisma.cityCa.updateMany({ where: { id: CA_ID, encryptedKey }, data: { encryptedKey: sealed } }),
    }),
    sha256Fingerprint: row.sha256Fingerprint,
    subject: row.subject,
    serialHex: row.serialHex,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
  };
}

export { pem as certificatePem };

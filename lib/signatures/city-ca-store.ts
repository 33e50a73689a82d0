import { prisma } from "@/lib/db/client";
import { createCityCa, CITY_ORGANIZATION, type CityCaKey } from "@/lib/signing/city-ca";
import { decryptPrivateKey, encryptPrivateKey, parseMasterKey } from "@/lib/signing/key-encryption";
import { masterKeyText } from "./master-key";

export type CityCa = CityCaKey & { certPem: string; sha256Fingerprint: string; subject: string; notAfter: Date };

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
  const masterKey = parseMasterKey(masterKeyText());
  let row = await prisma.cityCa.findUnique({ where: { id: "city-ca" } });
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
          id: "city-ca",
          subject: ca.subject,
          serialHex: ca.serialHex,
          certDer: new Uint8Array(ca.certDer),
          encryptedKey: new Uint8Array(encryptPrivateKey(ca.privateKeyPkcs8, masterKey)),
          sha256Fingerprint: ca.sha256Fingerprint,
          notBefore: ca.notBefore,
          notAfter: ca.notAfter,
        },
      ],
      skipDuplicates: true,
    });
    row = await prisma.cityCa.findUniqueOrThrow({ where: { id: "city-ca" } });
  }
  const certDer = new Uint8Array(row.certDer);
  return {
    certDer,
    certPem: pem(certDer),
    privateKeyPkcs8: decryptPrivateKey(new Uint8Array(row.encryptedKey), masterKey),
    sha256Fingerprint: row.sha256Fingerprint,
    subject: row.subject,
    notAfter: row.notAfter,
  };
}

export { pem as certificatePem };

import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { openStoredKey, sealKey } from "@/lib/signatures/open-stored-key";
import { issueServiceCertificate } from "@/lib/signing/city-ca";
import type { TsaKey } from "./issue-timestamp-token";

export type BuiltInTsa = TsaKey & { certDer: Uint8Array; notAfter: Date };

const PURPOSE = "TSA";
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
/** Long enough to outlive the signer certificates it vouches for (2 years) several times over. */
const VALIDITY_MS = 6 * YEAR_MS;
/** A new TSA certificate is issued when the newest has less than this left (archive timestamps renew before). */
const RENEW_BEFORE_MS = YEAR_MS;
export const BUILT_IN_TSA_NAME = "Máy chủ dấu thời gian riêng của hệ thống camket";

let cached: Promise<BuiltInTsa> | undefined;

/**
 * The deployment's own RFC 3161 TSA: a key sealed under the master key like every stored key, and a
 * certificate from the city CA (EKU timeStamping, critical). Made on first need; the newest row of purpose
 * TSA is used, older rows stay so their tokens can still be checked. Two processes racing to make the first
 * one both insert; each then uses the newest, and both certificates are the CA's.
 */
export function getBuiltInTsa(now = new Date()): Promise<BuiltInTsa> {
  cached = (cached ?? load(now)).then((tsa) => (tsa.notAfter.getTime() - now.getTime() > RENEW_BEFORE_MS ? tsa : load(now)));
  cached.catch(() => (cached = undefined));
  return cached;
}

async function load(now: Date): Promise<BuiltInTsa> {
  const usable = { purpose: PURPOSE, notAfter: { gt: new Date(now.getTime() + RENEW_BEFORE_MS) } };
  let row = await prisma.serviceCertificate.findFirst({ where: usable, orderBy: { createdAt: "desc" } });
  const ca = await getCityCa();
  if (!row) {
    const issued = await issueServiceCertificate(ca, { commonName: BUILT_IN_TSA_NAME, purpose: "tsa", validityMs: VALIDITY_MS, now });
    const id = randomUUID();
    row = await prisma.serviceCertificate.create({
      data: {
        id,
        purpose: PURPOSE,
        serialHex: issued.serialHex,
        subject: issued.subject,
        certDer: new Uint8Array(issued.certDer),
        encryptedKey: sealKey(id, issued.certDer, issued.privateKeyPkcs8),
        sha256Fingerprint: issued.sha256Fingerprint,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      },
    });
  }
  const certDer = new Uint8Array(row.certDer);
  const encryptedKey = new Uint8Array(row.encryptedKey);
  const pkcs8 = await openStoredKey({
    ownerId: row.id,
    label: "the built-in TSA",
    certDer,
    encryptedKey,
    rewrap: (sealed) => prisma.serviceCertificate.updateMany({ where: { id: row.id, encryptedKey }, data: { encryptedKey: sealed } }),
  });
  const privateKey = await crypto.subtle.importKey("pkcs8", new Uint8Array(pkcs8), { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  return { certDer, chainDer: [certDer, ca.certDer], privateKey, notAfter: row.notAfter };
}

import { prisma } from "@/lib/db/client";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { issueOrganisationCertificate } from "@/lib/signing/city-ca";
import { createCityCaSigner } from "@/lib/signing/city-ca-signer";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { openStoredKey, sealKey } from "@/lib/signatures/open-stored-key";
import type { OpenedSigner } from "@/lib/signatures/open-signer";

type Body = { id: string; name: string };

/** The key's owner in its sealed binding: an issuing body's key never opens as a person's, nor the reverse. */
const ownerOf = (bodyId: string) => `issuing-body:${bodyId}`;

/**
 * The issuing body's organisation signer: its live certificate, issued by the city CA at the body's first
 * issuance (two first issuances at once: the partial unique index keeps one, the other reads it). An
 * expired one is retired and replaced, as a person's is.
 */
export async function openOrganisationSigner(body: Body, now: Date): Promise<OpenedSigner> {
  const certificate = await liveCertificate(body, now);
  const certDer = new Uint8Array(certificate.certDer);
  const encryptedKey = new Uint8Array(certificate.encryptedKey);
  const privateKeyPkcs8 = await openStoredKey({
    ownerId: ownerOf(body.id),
    label: `organisation certificate ${certificate.serialHex} of issuing body ${body.id}`,
    certDer,
    encryptedKey,
    rewrap: (sealed) => prisma.organisationCertificate.updateMany({ where: { id: certificate.id, encryptedKey }, data: { encryptedKey: sealed } }),
  });
  const ca = await getCityCa();
  const signer = await createCityCaSigner({ certDer, privateKeyPkcs8, issuerCertsDer: [ca.certDer] });
  return { signer, certificate: { id: certificate.id, serialHex: certificate.serialHex } };
}

async function liveCertificate(body: Body, now: Date) {
  const live = await prisma.organisationCertificate.findFirst({ where: { issuingBodyId: body.id, revokedAt: null } });
  if (live && live.notAfter > now) return live;
  if (live) await prisma.organisationCertificate.updateMany({ where: { id: live.id, revokedAt: null }, data: { revokedAt: now } });
  const issued = await issueOrganisationCertificate(await getCityCa(), { name: body.name, validityYears: 2, now });
  try {
    return await prisma.organisationCertificate.create({
      data: {
        issuingBodyId: body.id,
        serialHex: issued.serialHex,
        subject: issued.subject,
        certDer: new Uint8Array(issued.certDer),
        encryptedKey: sealKey(ownerOf(body.id), issued.certDer, issued.privateKeyPkcs8),
        sha256Fingerprint: issued.sha256Fingerprint,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      },
    });
  } catch (error) {
    if (!isUniqueViolationOn(error, "one_live_per_body")) throw error;
    return prisma.organisationCertificate.findFirstOrThrow({ where: { issuingBodyId: body.id, revokedAt: null } });
  }
}

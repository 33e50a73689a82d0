import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { isUniqueViolationOn } from "@/lib/db/unique-violation";
import { issueUserCertificate } from "@/lib/signing/city-ca";
import { getCityCa } from "./city-ca-store";
import { openStoredKey, sealKey } from "./open-stored-key";

export type SigningIdentity = { certificateId: string; serialHex: string; certDer: Uint8Array; privateKeyPkcs8: Uint8Array };

/** The signer's latest certificate is revoked; lib/signatures/apply-signature words the refusal for the signer. */
export class CertificateRevokedError extends Error {
  constructor() {
    super("The signer's certificate has been revoked");
  }
}

/**
 * The signer's live certificate, issued by the city CA on first need. A revoked certificate is never
 * silently replaced: the admin must issue a new one (issueFreshCertificate), so revocation means something.
 */
export async function getSigningIdentity(actor: Actor, now = new Date()): Promise<SigningIdentity> {
  return signingIdentityFrom(actor, await prisma.userCertificate.findFirst({ where: { userId: actor.id, method: "SERVER_KEY" }, orderBy: { createdAt: "desc" } }), now);
}

export type StoredCertificate = { id: string; serialHex: string; certDer: Uint8Array; encryptedKey: Uint8Array | null; notAfter: Date; revokedAt: Date | null };

/**
 * getSigningIdentity for the latest certificate the caller read with its own query (the signing path reads
 * it with the assignment). Certificates are issued ahead of need (lib/signatures/issue-certificate-ahead);
 * a missing or expired one is still issued here, so a head added some other way can sign too.
 */
export async function signingIdentityFrom(actor: Actor, latest: StoredCertificate | null, now: Date): Promise<SigningIdentity> {
  if (latest?.revokedAt) throw new CertificateRevokedError();
  if (latest && latest.notAfter <= now) {
    // Expired: retire it so the one-live-certificate rule lets a new one be issued.
    await prisma.userCertificate.updateMany({ where: { id: latest.id, revokedAt: null }, data: { revokedAt: now, revokedReason: "Hết hạn" } });
  }
  const live = latest && latest.notAfter > now ? latest : await issueFreshCertificate(actor, now);
  const certDer = new Uint8Array(live.certDer);
  // A SERVER_KEY row always has its key (the query filters by method).
  const encryptedKey = new Uint8Array(live.encryptedKey!);
  const privateKeyPkcs8 = await openStoredKey({
    ownerId: actor.id,
    label: `certificate ${live.serialHex} of user ${actor.id}`,
    certDer,
    encryptedKey,
    // Conditional on the old bytes, so a concurrent re-wrap is never overwritten.
    rewrap: (sealed) => prisma.userCertificate.updateMany({ where: { id: live.id, encryptedKey }, data: { encryptedKey: sealed } }),
  });
  return { certificateId: live.id, serialHex: live.serialHex, certDer, privateKeyPkcs8 };
}

/** Issues a certificate (subject: full name, title, unit, C=VN) and stores its key encrypted. */
export async function issueFreshCertificate(actor: Pick<Actor, "id" | "fullName" | "jobTitle" | "email" | "unit">, now = new Date()) {
  const ca = await getCityCa();
  const issued = await issueUserCertificate(ca, {
    fullName: actor.fullName,
    jobTitle: actor.jobTitle,
    unitName: actor.unit?.name ?? "UBND thành phố Phan Thiết",
    email: actor.email,
    validityYears: 2,
    now,
  });
  try {
    return await prisma.userCertificate.create({
      data: {
        userId: actor.id,
        serialHex: issued.serialHex,
        subject: issued.subject,
        certDer: new Uint8Array(issued.certDer),
        encryptedKey: sealKey(actor.id, issued.certDer, issued.privateKeyPkcs8),
        sha256Fingerprint: issued.sha256Fingerprint,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      },
    });
  } catch (error) {
    // Another request issued one at the same moment: use that one.
    if (isUniqueViolationOn(error, "one_live_per_user")) {
      return prisma.userCertificate.findFirstOrThrow({ where: { userId: actor.id, revokedAt: null, method: "SERVER_KEY" } });
    }
    throw error;
  }
}

import QRCode from "qrcode";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { newTotpSecret, totpFor } from "./totp-code";
import { openTotpSecret, sealTotpSecret } from "./second-factor-secret";

export type PendingEnrolment = { secret: string; uri: string; qrDataUrl: string };

/**
 * The key a person is about to add to their authenticator app: the one already waiting, so reloading the page
 * does not invalidate a QR code they just scanned, or a fresh one. Null when the factor is already on.
 */
export async function startSecondFactorEnrolment(actor: Actor): Promise<PendingEnrolment | null> {
  // Two tabs opening the page at once agree on one key: the second insert is skipped, both read the winner.
  await prisma.secondFactor.createMany({ data: [{ userId: actor.id, secretSealed: sealTotpSecret(actor.id, newTotpSecret()) }], skipDuplicates: true });
  const pending = await prisma.secondFactor.findUniqueOrThrow({ where: { userId: actor.id } });
  if (pending.enabledAt) return null;
  const secret = openTotpSecret(actor.id, pending.secretSealed);
  const uri = totpFor(secret, actor.email).toString();
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

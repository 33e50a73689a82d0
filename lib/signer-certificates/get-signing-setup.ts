import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { isCscConfigured } from "@/lib/csc/csc-config";
import { isExternalMethod } from "@/lib/external-signing/signing-methods";
import type { SigningSetup } from "@/lib/external-signing/signing-setup";
import { configuredAgentUrl } from "@/lib/external-signing/configured-agent-url";

/** The ways of signing the admin allows this person and this deployment offers (remote signing only when configured). */
export async function getSigningSetup(actor: Actor): Promise<SigningSetup> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { signingMethods: true, secondFactor: { select: { enabledAt: true } } } });
  const methods = user?.signingMethods ?? [];
  return {
    serverKey: methods.includes("SERVER_KEY"),
    secondFactor: Boolean(user?.secondFactor?.enabledAt),
    external: methods.filter(isExternalMethod).filter((m) => m !== "CSC" || isCscConfigured()),
    agentUrl: configuredAgentUrl(),
  };
}

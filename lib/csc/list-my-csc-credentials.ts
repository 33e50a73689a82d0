import "server-only";
import { X509Certificate } from "node:crypto";
import type { Actor } from "@/lib/auth/find-active-user";
import { withAccessToken } from "./csc-account";
import { openCscAccount } from "./csc-account-store";
import { cscConfigFromEnv, type CscConfig } from "./csc-config";
import { credentialNeedsOtp, credentialNeedsPin, getCredentialInfo } from "./get-credential-info";
import { listCredentials } from "./list-credentials";

/** One of the signed-in person's remote-signing credentials, as the certificate and signing screens need it. */
export interface MyCscCredential {
  credentialId: string;
  /** Subject CN, else the provider's description, else the id. */
  label: string;
  /** DER base64, signer first, then issuers as the provider gives them. */
  certificates: string[];
  keyEnabled: boolean;
  certificateStatus: string | null;
  /** validTo as ISO 8601, when known. */
  validTo: string | null;
  needsPin: boolean;
  needsOtp: boolean;
  /** How many signatures one authorization (one PIN/OTP) may cover. */
  multisign: number;
}

/**
 * The signed-in person's credentials at the provider with their certificate chains. Throws CscError
 * ("not-configured", "not-linked", "link-expired", "provider-down"…; messages safe to show).
 */
export async function listMyCscCredentials(actor: Pick<Actor, "id">, config: CscConfig | null = cscConfigFromEnv()): Promise<MyCscCredential[]> {
  const account = await openCscAccount(actor.id, config);
  const ids = await withAccessToken(account, (token) => listCredentials(account.config, token));
  const credentials: MyCscCredential[] = [];
  for (const credentialId of ids) {
    const info = await withAccessToken(account, (token) => getCredentialInfo(account.config, token, credentialId));
    const certificates = info.cert?.certificates ?? [];
    credentials.push({
      credentialId,
      label: commonName(certificates[0]) ?? info.description ?? credentialId,
      certificates,
      keyEnabled: info.key.status === "enabled",
      certificateStatus: info.cert?.status ?? null,
      validTo: validTo(certificates[0]),
      needsPin: credentialNeedsPin(info),
      needsOtp: credentialNeedsOtp(info),
      multisign: info.multisign,
    });
  }
  return credentials;
}

function parse(b64: string | undefined): X509Certificate | null {
  if (!b64) return null;
  try {
    return new X509Certificate(Buffer.from(b64, "base64"));
  } catch {
    return null;
  }
}

function commonName(b64: string | undefined): string | null {
  const subject = parse(b64)?.subject;
  return subject ? (/^CN=(.*)$/m.exec(subject)?.[1] ?? null) : null;
}

function validTo(b64: string | undefined): string | null {
  const cert = parse(b64);
  return cert ? new Date(cert.validTo).toISOString() : null;
}

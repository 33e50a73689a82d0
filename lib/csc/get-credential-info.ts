import type { CscConfig } from "./csc-config";
import { cscCall, cscUrl } from "./csc-request";
import { credentialInfoSchema, type CscCredentialInfo } from "./csc-schemas";

/** POST credentials/info with the whole certificate chain (DER base64, signer first). */
export function getCredentialInfo(config: CscConfig, accessToken: string, credentialId: string): Promise<CscCredentialInfo> {
  return cscCall({
    config,
    url: cscUrl(config, "credentials/info"),
    accessToken,
    json: { credentialID: credentialId, certificates: "chain", certInfo: true, authInfo: true, lang: "vi" },
    schema: credentialInfoSchema,
    operation: "credentials/info",
  });
}

/** Whether the credential asks for an OTP (v2 auth.objects, or v1.0.4 OTP.presence). */
export function credentialNeedsOtp(info: CscCredentialInfo): boolean {
  if (info.auth?.objects?.some((o) => o.type.toLowerCase() === "otp")) return true;
  return info.OTP?.presence === "true";
}

/** Whether the credential asks for a PIN (v2 auth.objects of type Password, or v1.0.4 PIN.presence). */
export function credentialNeedsPin(info: CscCredentialInfo): boolean {
  if (info.auth?.objects?.some((o) => o.type.toLowerCase() === "password")) return true;
  return info.PIN?.presence === "true";
}

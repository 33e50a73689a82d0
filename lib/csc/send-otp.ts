import type { CscConfig } from "./csc-config";
import { cscCall, cscUrl } from "./csc-request";
import { emptySchema } from "./csc-schemas";

/** POST credentials/sendOTP: the provider sends the person an OTP (SMS, e-mail) for the next authorize. */
export async function sendOtp(config: CscConfig, accessToken: string, credentialId: string): Promise<void> {
  await cscCall({
    config,
    url: cscUrl(config, "credentials/sendOTP"),
    accessToken,
    json: { credentialID: credentialId },
    schema: emptySchema,
    operation: "credentials/sendOTP",
  });
}

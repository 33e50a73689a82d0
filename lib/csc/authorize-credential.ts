import type { CscConfig } from "./csc-config";
import { CSC_OID } from "./csc-oids";
import { cscCall, cscUrl } from "./csc-request";
import { authorizeSchema } from "./csc-schemas";

export interface AuthorizeCredentialInput {
  credentialId: string;
  /** SHA-256 digests to be signed: the SAD is bound to exactly these (SCAL2), numSignatures = hashes.length. */
  hashes: Uint8Array[];
  pin?: string;
  otp?: string;
  /** Shown by some providers on the person's phone. */
  description?: string;
}

export interface Sad {
  sad: string;
  /** When the SAD stops working (the provider's expiresIn, default 3600 s). */
  expiresAt: Date;
}

/**
 * POST credentials/authorize: the person's PIN/OTP turned into Signature Activation Data for these hashes.
 * The PIN and OTP go as v2 authData and, for v1.0.4 providers, as the PIN/OTP fields.
 */
export async function authorizeCredential(config: CscConfig, accessToken: string, input: AuthorizeCredentialInput): Promise<Sad> {
  const authData = [
    ...(input.pin !== undefined ? [{ id: "PIN", value: input.pin }] : []),
    ...(input.otp !== undefined ? [{ id: "OTP", value: input.otp }] : []),
  ];
  const answer = await cscCall({
    config,
    url: cscUrl(config, "credentials/authorize"),
    accessToken,
    json: {
      credentialID: input.credentialId,
      numSignatures: input.hashes.length,
      hashes: input.hashes.map((hash) => Buffer.from(hash).toString("base64")),
      hashAlgorithmOID: CSC_OID.sha256,
      ...(authData.length ? { authData } : {}),
      ...(input.pin !== undefined ? { PIN: input.pin } : {}),
      ...(input.otp !== undefined ? { OTP: input.otp } : {}),
      ...(input.description ? { description: input.description.slice(0, 500) } : {}),
    },
    schema: authorizeSchema,
    operation: "credentials/authorize",
  });
  return { sad: answer.SAD, expiresAt: new Date(Date.now() + (answer.expiresIn ?? 3600) * 1000) };
}

import type { CscConfig } from "./csc-config";
import { CscError } from "./csc-error";
import { CSC_OID } from "./csc-oids";
import { cscCall, cscUrl } from "./csc-request";
import { signHashSchema } from "./csc-schemas";

export interface SignHashesInput {
  credentialId: string;
  sad: string;
  /** SHA-256 digests, each already authorized by the SAD. */
  hashes: Uint8Array[];
  /** e.g. ecdsa-with-SHA256 (1.2.840.10045.4.3.2) or sha256WithRSAEncryption. */
  signAlgo: string;
}

/** POST signatures/signHash: one signature per hash, in order (ECDSA usually DER, RSA PKCS#1 v1.5). */
export async function signHashes(config: CscConfig, accessToken: string, input: SignHashesInput): Promise<Uint8Array[]> {
  const answer = await cscCall({
    config,
    url: cscUrl(config, "signatures/signHash"),
    accessToken,
    json: {
      credentialID: input.credentialId,
      SAD: input.sad,
      hashes: input.hashes.map((hash) => Buffer.from(hash).toString("base64")),
      hashAlgorithmOID: CSC_OID.sha256,
      signAlgo: input.signAlgo,
      operationMode: "S",
    },
    schema: signHashSchema,
    operation: "signatures/signHash",
  });
  if (answer.signatures.length !== input.hashes.length) {
    throw new CscError("malformed-response", `signatures/signHash: ${answer.signatures.length} signatures for ${input.hashes.length} hashes`);
  }
  return answer.signatures.map((signature) => new Uint8Array(Buffer.from(signature, "base64")));
}

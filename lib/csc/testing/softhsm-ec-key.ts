import * as pkcs11js from "pkcs11js";
import { createSoftHsmToken, findPrivateKey, generateEcKeyOnToken, privateKeyAttributes } from "@/lib/signing/testing/softhsm-token";

/**
 * A non-extractable EC P-256 key generated ON a private SoftHSM2 token (lib/signing/testing/softhsm-token):
 * the HSM a CSC test server signs with. Test-only; never imported by app code.
 */
export interface SoftHsmEcKey {
  /** SubjectPublicKeyInfo DER of the generated key. */
  spki: Uint8Array;
  /** CKM_ECDSA over a digest: returns r‖s (64 bytes). */
  signDigest(digest: Uint8Array): Uint8Array;
  /** The private key's CKA_EXTRACTABLE / CKA_SENSITIVE as the token reports them. */
  privateKeyFlags(): { extractable: boolean; sensitive: boolean };
  close(): Promise<void>;
}

export async function createSoftHsmEcKey(label = "camket-csc"): Promise<SoftHsmEcKey> {
  const token = await createSoftHsmToken({ label });
  const key = generateEcKeyOnToken(token, { label });
  return {
    spki: key.spkiDer,
    signDigest: (digest) =>
      token.withUserSession((session) => {
        const privateKey = findPrivateKey(token, session, key.id);
        token.pkcs11.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, privateKey);
        return new Uint8Array(token.pkcs11.C_Sign(session, Buffer.from(digest), Buffer.alloc(128)));
      }),
    privateKeyFlags: () => {
      const { extractable, sensitive } = privateKeyAttributes(token, key.id);
      return { extractable, sensitive };
    },
    close: async () => token.close(),
  };
}

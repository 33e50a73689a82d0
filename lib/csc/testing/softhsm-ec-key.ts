import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as pkcs11js from "pkcs11js";

/**
 * A non-extractable EC P-256 key generated ON a SoftHSM2 token in a private temp directory (its own
 * SOFTHSM2_CONF): the HSM a CSC test server signs with. Test-only; never imported by app code.
 */

export const SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so";
const USER_PIN = "123456";
const SO_PIN = "12345678";
/** DER of OID prime256v1. */
const P256_PARAMS = Buffer.from("06082a8648ce3d030107", "hex");
/** SubjectPublicKeyInfo prefix for an uncompressed P-256 point (id-ecPublicKey, prime256v1, BIT STRING). */
const P256_SPKI_PREFIX = Buffer.from("3059301306072a8648ce3d020106082a8648ce3d030107034200", "hex");

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
  const dir = await mkdtemp(path.join(tmpdir(), "camket-softhsm-"));
  const tokens = path.join(dir, "tokens");
  await mkdir(tokens);
  const conf = path.join(dir, "softhsm2.conf");
  await writeFile(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  await promisify(execFile)("softhsm2-util", ["--init-token", "--free", "--label", label, "--pin", USER_PIN, "--so-pin", SO_PIN], { env });

  // SoftHSM reads SOFTHSM2_CONF at C_Initialize.
  process.env.SOFTHSM2_CONF = conf;
  const p11 = new pkcs11js.PKCS11();
  p11.load(SOFTHSM_MODULE);
  p11.C_Initialize();
  try {
    const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === label);
    if (!slot) throw new Error(`SoftHSM2 token ${label} not found`);
    const session = p11.C_OpenSession(slot, pkcs11js.CKF_RW_SESSION | pkcs11js.CKF_SERIAL_SESSION);
    p11.C_Login(session, pkcs11js.CKU_USER, USER_PIN);
    const id = Buffer.from("01", "hex");
    const { publicKey, privateKey } = p11.C_GenerateKeyPair(
      session,
      { mechanism: pkcs11js.CKM_EC_KEY_PAIR_GEN },
      [
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_VERIFY, value: true },
        { type: pkcs11js.CKA_EC_PARAMS, value: P256_PARAMS },
        { type: pkcs11js.CKA_ID, value: id },
        { type: pkcs11js.CKA_LABEL, value: label },
      ],
      [
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_SIGN, value: true },
        { type: pkcs11js.CKA_PRIVATE, value: true },
        { type: pkcs11js.CKA_SENSITIVE, value: true },
        { type: pkcs11js.CKA_EXTRACTABLE, value: false },
        { type: pkcs11js.CKA_ID, value: id },
        { type: pkcs11js.CKA_LABEL, value: label },
      ],
    );
    const [pointAttr] = p11.C_GetAttributeValue(session, publicKey, [{ type: pkcs11js.CKA_EC_POINT }]);
    const wrapped = pointAttr!.value as Buffer;
    // CKA_EC_POINT is a DER OCTET STRING around the 65-byte uncompressed point.
    const point = wrapped.length === 67 && wrapped[0] === 0x04 && wrapped[1] === 65 ? wrapped.subarray(2) : wrapped;
    const spki = new Uint8Array(Buffer.concat([P256_SPKI_PREFIX, point]));
    let closed = false;
    return {
      spki,
      signDigest(digest) {
        p11.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, privateKey);
        return new Uint8Array(p11.C_Sign(session, Buffer.from(digest), Buffer.alloc(128)));
      },
      privateKeyFlags() {
        const [extractable, sensitive] = p11.C_GetAttributeValue(session, privateKey, [{ type: pkcs11js.CKA_EXTRACTABLE }, { type: pkcs11js.CKA_SENSITIVE }]);
        return { extractable: (extractable!.value as Buffer)[0] === 1, sensitive: (sensitive!.value as Buffer)[0] === 1 };
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          p11.C_Logout(session);
          p11.C_CloseSession(session);
        } finally {
          p11.C_Finalize();
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    p11.C_Finalize();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

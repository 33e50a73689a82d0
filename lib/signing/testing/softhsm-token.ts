import { execFile } from "node:child_process";
import { createPublicKey, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { children, readElement } from "../der";
import { loadPkcs11Module, pkcs11js, type Pkcs11js } from "@/agent/pkcs11-module";

/**
 * A real PKCS#11 token for tests and the demo: SoftHSM2 with its own config and token directory (never the
 * system one), a user PIN, EC P-256 keys generated ON the token (not extractable, sensitive) and
 * certificates stored next to them under the same CKA_ID — what a VGCA USB token holds. Node-only (native
 * addon): for tests, scripts and the agent, never for code the Next.js app bundles.
 *
 * SoftHSM2 reads SOFTHSM2_CONF when the module is first initialised, and a process loads the module once,
 * so one process uses one config: `createSoftHsmToken` sets SOFTHSM2_CONF for this process before it first
 * initialises the module and refuses a second, different config.
 */

export const SOFTHSM_MODULE = process.env.SOFTHSM2_MODULE ?? "/usr/lib/softhsm/libsofthsm2.so";

/** DER of the OID prime256v1 (CKA_EC_PARAMS). */
const P256_PARAMS = Buffer.from("06082a8648ce3d030107", "hex");
/** SubjectPublicKeyInfo up to the BIT STRING's content for an uncompressed P-256 point (65 bytes follow). */
const P256_SPKI_PREFIX = Buffer.from("3059301306072a8648ce3d020106082a8648ce3d030107034200", "hex");

const exec = promisify(execFile);

export interface SoftHsmToken {
  /** The temp (or given) directory holding softhsm2.conf and tokens/. */
  dir: string;
  /** Pass as SOFTHSM2_CONF to any other process (e.g. `npm run agent`). */
  confPath: string;
  modulePath: string;
  label: string;
  pin: string;
  soPin: string;
  /** The slot the initialised token ended up in. */
  slot: Pkcs11js.Handle;
  /** The loaded, initialised module (shared by everything in this process that loads the same path). */
  pkcs11: Pkcs11js.PKCS11;
  /** Runs `fn` in a R/W session logged in as the user, then logs out and closes the session. */
  withUserSession<T>(fn: (session: Pkcs11js.Handle) => T): T;
  close(): void;
}

export interface CreateSoftHsmTokenOptions {
  /** Where the config and tokens go; a fresh temp dir by default. An existing token there is reused. */
  dir?: string;
  label?: string;
  pin?: string;
  soPin?: string;
  modulePath?: string;
}

let initialisedConf: string | undefined;

/** Creates (or reopens) a SoftHSM2 token in its own directory and initialises the module for this process. */
export async function createSoftHsmToken(options: CreateSoftHsmTokenOptions = {}): Promise<SoftHsmToken> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), "camket-softhsm-")));
  const label = options.label ?? "camket";
  const pin = options.pin ?? "123456";
  const soPin = options.soPin ?? "12345678";
  const modulePath = options.modulePath ?? SOFTHSM_MODULE;
  const confPath = path.join(dir, "softhsm2.conf");
  const tokenDir = path.join(dir, "tokens");
  await mkdir(tokenDir, { recursive: true, mode: 0o700 });
  await writeFile(confPath, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`, { mode: 0o600 });
  if (initialisedConf && initialisedConf !== confPath) {
    throw new Error(`SoftHSM2 is already initialised in this process with ${initialisedConf}; one config per process`);
  }

  const env = { ...process.env, SOFTHSM2_CONF: confPath };
  const { stdout } = await exec("softhsm2-util", ["--show-slots"], { env });
  if (!new RegExp(`Label:\\s+${escapeRegExp(label)}\\s*$`, "m").test(stdout)) {
    await exec("softhsm2-util", ["--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", soPin], { env });
  }

  process.env.SOFTHSM2_CONF = confPath;
  const pkcs11 = loadPkcs11Module(modulePath);
  initialisedConf = confPath;
  const slot = findSlotByLabel(pkcs11, label);

  const withUserSession = <T>(fn: (session: Pkcs11js.Handle) => T): T => {
    const session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_RW_SESSION | pkcs11js.CKF_SERIAL_SESSION);
    try {
      pkcs11.C_Login(session, pkcs11js.CKU_USER, pin);
      try {
        return fn(session);
      } finally {
        pkcs11.C_Logout(session);
      }
    } finally {
      pkcs11.C_CloseSession(session);
    }
  };

  return { dir, confPath, modulePath, label, pin, soPin, slot, pkcs11, withUserSession, close: () => pkcs11.C_CloseAllSessions(slot) };
}

function findSlotByLabel(pkcs11: Pkcs11js.PKCS11, label: string): Pkcs11js.Handle {
  for (const slot of pkcs11.C_GetSlotList(true)) {
    if (pkcs11.C_GetTokenInfo(slot).label.trim() === label) return slot;
  }
  throw new Error(`No SoftHSM2 token labelled ${label}`);
}

export interface TokenKey {
  /** CKA_ID shared by the private key, the public key and (later) the certificate. */
  id: Buffer;
  label: string;
  /** SubjectPublicKeyInfo DER of the public key, to put in a certificate. */
  spkiDer: Uint8Array;
}

/** The private half of every key made here: on the token, sign only, sensitive, never extractable. */
function signingPrivateKeyTemplate(id: Buffer, label: string): Pkcs11js.Template {
  return [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: true },
    { type: pkcs11js.CKA_SIGN, value: true },
    { type: pkcs11js.CKA_SENSITIVE, value: true },
    { type: pkcs11js.CKA_EXTRACTABLE, value: false },
    { type: pkcs11js.CKA_ID, value: id },
    { type: pkcs11js.CKA_LABEL, value: label },
  ];
}

/** The private key with `id`, in an open session of `token`. */
export function findPrivateKey(token: SoftHsmToken, session: Pkcs11js.Handle, id: Buffer): Pkcs11js.Handle {
  token.pkcs11.C_FindObjectsInit(session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_ID, value: id },
  ]);
  const handle = token.pkcs11.C_FindObjects(session);
  token.pkcs11.C_FindObjectsFinal(session);
  if (!handle) throw new Error("no private key with that CKA_ID");
  return handle;
}

/** Generates an EC P-256 key pair on the token: private key not extractable, sensitive, sign only. */
export function generateEcKeyOnToken(token: SoftHsmToken, options: { label?: string; id?: Buffer } = {}): TokenKey {
  const id = options.id ?? randomBytes(16);
  const label = options.label ?? "camket-key";
  return token.withUserSession((session) => {
    const { publicKey } = token.pkcs11.C_GenerateKeyPair(
      session,
      { mechanism: pkcs11js.CKM_EC_KEY_PAIR_GEN },
      [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_VERIFY, value: true },
        { type: pkcs11js.CKA_EC_PARAMS, value: P256_PARAMS },
        { type: pkcs11js.CKA_ID, value: id },
        { type: pkcs11js.CKA_LABEL, value: label },
      ],
      signingPrivateKeyTemplate(id, label),
    );
    const [point] = token.pkcs11.C_GetAttributeValue(session, publicKey, [{ type: pkcs11js.CKA_EC_POINT }]);
    return { id, label, spkiDer: ecPointToSpki(point!.value as Buffer) };
  });
}

/** Generates an RSA key pair (PKCS#1 v1.5 signing, as on most VGCA tokens) on the token, same protections. */
export function generateRsaKeyOnToken(token: SoftHsmToken, options: { label?: string; id?: Buffer; bits?: number } = {}): TokenKey {
  const id = options.id ?? randomBytes(16);
  const label = options.label ?? "camket-rsa-key";
  return token.withUserSession((session) => {
    const { publicKey } = token.pkcs11.C_GenerateKeyPair(
      session,
      { mechanism: pkcs11js.CKM_RSA_PKCS_KEY_PAIR_GEN },
      [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY },
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_VERIFY, value: true },
        { type: pkcs11js.CKA_MODULUS_BITS, value: options.bits ?? 2048 },
        { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
        { type: pkcs11js.CKA_ID, value: id },
        { type: pkcs11js.CKA_LABEL, value: label },
      ],
      signingPrivateKeyTemplate(id, label),
    );
    const [modulus, exponent] = token.pkcs11.C_GetAttributeValue(session, publicKey, [{ type: pkcs11js.CKA_MODULUS }, { type: pkcs11js.CKA_PUBLIC_EXPONENT }]);
    const jwk = { kty: "RSA", n: (modulus!.value as Buffer).toString("base64url"), e: (exponent!.value as Buffer).toString("base64url") };
    return { id, label, spkiDer: new Uint8Array(createPublicKey({ key: jwk, format: "jwk" }).export({ format: "der", type: "spki" })) };
  });
}

/** Stores an X.509 certificate object on the token (CKA_ID = the key's, so an agent pairs them). */
export function storeCertificateOnToken(token: SoftHsmToken, options: { certDer: Uint8Array; id: Buffer; label: string }): void {
  // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, serialNumber, signature, issuer, validity, subject, … } }
  const fields = children(children(readElement(options.certDer))[0]!);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, , subject] = fields.slice(offset);
  if (!serial || !issuer || !subject) throw new Error("not an X.509 certificate");
  token.withUserSession((session) =>
    token.pkcs11.C_CreateObject(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_PRIVATE, value: false },
      { type: pkcs11js.CKA_ID, value: options.id },
      { type: pkcs11js.CKA_LABEL, value: options.label },
      { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(subject.raw) },
      { type: pkcs11js.CKA_ISSUER, value: Buffer.from(issuer.raw) },
      { type: pkcs11js.CKA_SERIAL_NUMBER, value: Buffer.from(serial.raw) },
      { type: pkcs11js.CKA_VALUE, value: Buffer.from(options.certDer) },
    ]),
  );
}

/** The protection attributes of the private key with `id`, as the token reports them. */
export function privateKeyAttributes(token: SoftHsmToken, id: Buffer): { extractable: boolean; sensitive: boolean; neverExtractable: boolean } {
  return token.withUserSession((session) => {
    const handle = findPrivateKey(token, session, id);
    const [extractable, sensitive, neverExtractable] = token.pkcs11.C_GetAttributeValue(session, handle, [
      { type: pkcs11js.CKA_EXTRACTABLE },
      { type: pkcs11js.CKA_SENSITIVE },
      { type: pkcs11js.CKA_NEVER_EXTRACTABLE },
    ]);
    const flag = (attribute?: Pkcs11js.AttributeResult) => (attribute!.value as Buffer)[0] === 1;
    return { extractable: flag(extractable), sensitive: flag(sensitive), neverExtractable: flag(neverExtractable) };
  });
}

/** CKA_EC_POINT is a DER OCTET STRING around the uncompressed point (some modules omit the wrapper). */
export function ecPointToSpki(ecPoint: Buffer): Uint8Array {
  const point = ecPoint.length === 67 && ecPoint[0] === 0x04 && ecPoint[1] === 0x41 ? ecPoint.subarray(2) : ecPoint;
  if (point.length !== 65 || point[0] !== 0x04) throw new Error("not an uncompressed P-256 point");
  return new Uint8Array(Buffer.concat([P256_SPKI_PREFIX, point]));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { ExternalKey, ToBeSigned } from "./external-key";

/**
 * A certificate file (.p12/.pfx) opened in the browser: the file and its password never leave the page, the
 * private key is imported into WebCrypto as NON-extractable and the decrypted PKCS#8 is zeroed right after.
 * Browser-safe (pkijs + asn1js + globalThis.crypto; no Node imports).
 *
 * Reads what WebCrypto can decrypt: PBES2 (PBKDF2-HMAC-SHA1/256/384/512, AES-CBC) — OpenSSL 3's default and
 * Windows' "AES256-SHA256" export. Legacy PKCS#12 encryption (3DES/RC2, older Windows and OpenSSL 1.x
 * exports) is recognised and refused with how to re-export. Keys: EC P-256/P-384 (ECDSA with SHA-256) and
 * RSA (RSASSA-PKCS1-v1_5 with SHA-256).
 */

/** Why a file could not be opened: lets a bilingual UI show its own text; `message` is always Vietnamese. */
export type Pkcs12ErrorReason =
  | "too-large"
  | "not-pkcs12"
  | "wrong-password"
  | "legacy-encryption"
  | "no-private-key"
  | "no-certificate"
  | "unsupported-key"
  | "sign-failed";

/** Re-export advice shared by the legacy message and the UI. */
export const PKCS12_REEXPORT_HINT =
  "Hãy xuất lại tệp với mã hóa AES-256: trên Windows, khi xuất chứng thư số kèm khóa bí mật (.pfx), chọn mã hóa “AES256-SHA256”; " +
  "với OpenSSL 3: openssl pkcs12 -legacy -in tep-cu.pfx -nodes -out tam.pem rồi " +
  "openssl pkcs12 -export -in tam.pem -out tep-moi.p12 -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 (sau đó xóa tam.pem).";

export const PKCS12_ERROR_MESSAGES: Record<Pkcs12ErrorReason, string> = {
  "too-large": "Tệp quá lớn để là tệp chứng thư số (.p12/.pfx tối đa 100 KB).",
  "not-pkcs12": "Tệp không phải tệp chứng thư số PKCS#12 (.p12/.pfx) hoặc đã bị hỏng.",
  "wrong-password": "Mật khẩu tệp chứng thư số không đúng.",
  "legacy-encryption": `Tệp chứng thư số dùng kiểu mã hóa cũ (3DES/RC2) mà trình duyệt không giải mã được. ${PKCS12_REEXPORT_HINT}`,
  "no-private-key": "Tệp không chứa khóa bí mật, chỉ có chứng thư số. Hãy xuất lại tệp kèm khóa bí mật.",
  "no-certificate": "Tệp không chứa chứng thư số ứng với khóa bí mật.",
  "unsupported-key": "Loại khóa trong tệp chưa được hỗ trợ (chỉ hỗ trợ RSA và ECDSA P-256/P-384).",
  "sign-failed": "Không ký được bằng khóa trong tệp chứng thư số.",
};

export class Pkcs12Error extends Error {
  constructor(readonly reason: Pkcs12ErrorReason) {
    super(PKCS12_ERROR_MESSAGES[reason]);
    this.name = "Pkcs12Error";
  }
}

/** Larger than any real certificate file (a key, a few certificates: a few KB). */
export const PKCS12_MAX_BYTES = 100 * 1024;

const OIDS = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  keyBag: "1.2.840.113549.1.12.10.1.1",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  safeContentsBag: "1.2.840.113549.1.12.10.1.6",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  ecPublicKey: "1.2.840.10045.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  commonName: "2.5.4.3",
} as const;

/** PBES2 pieces WebCrypto can do: AES-128/192/256-CBC, PBKDF2 with HMAC-SHA-1/224/256/384/512 (absent = SHA-1). */
const WEBCRYPTO_CIPHERS = new Set(["2.16.840.1.101.3.4.1.2", "2.16.840.1.101.3.4.1.22", "2.16.840.1.101.3.4.1.42"]);
const WEBCRYPTO_PRFS = new Set(["1.2.840.113549.2.7", "1.2.840.113549.2.9", "1.2.840.113549.2.10", "1.2.840.113549.2.11"]);

const CURVES: Record<string, "P-256" | "P-384"> = { "1.2.840.10045.3.1.7": "P-256", "1.3.132.0.34": "P-384" };

type SignAlgorithm = { importParams: EcKeyImportParams | RsaHashedImportParams; signParams: EcdsaParams | AlgorithmIdentifier; curve?: "P-256" | "P-384" };

interface OpenedKey {
  key: CryptoKey;
  algorithm: SignAlgorithm;
}

/**
 * Opens a .p12/.pfx with its password. Throws a `Pkcs12Error` (Vietnamese message, safe to show) when the
 * file is too large, not PKCS#12, protected by another password, legacy-encrypted, holds no key, no
 * certificate for the key, or a key type that is not supported.
 */
export async function openPkcs12(fileBytes: Uint8Array, password: string, fileName?: string): Promise<ExternalKey> {
  if (fileBytes.byteLength > PKCS12_MAX_BYTES) throw new Pkcs12Error("too-large");
  const pfx = parsePfx(fileBytes);
  const contents = pfx.authSafe;
  if (contents.contentType !== OIDS.data) throw new Pkcs12Error("legacy-encryption"); // public-key integrity mode: not a password file

  // Legacy encryption is told apart before the password is checked: no password would make it readable here.
  const safes = readAuthenticatedSafe(contents);
  for (const safe of safes) if (safe.contentType === OIDS.encryptedData) assertWebCryptoCipher(safe.encrypted!.encryptedContentInfo.contentEncryptionAlgorithm);

  const passwordBytes = new TextEncoder().encode(password);
  const passwordBuffer = passwordBytes.buffer.slice(passwordBytes.byteOffset, passwordBytes.byteOffset + passwordBytes.byteLength) as ArrayBuffer;
  passwordBytes.fill(0);
  try {
    if (pfx.macData) await checkMac(pfx, passwordBuffer);

    const bags: pkijs.SafeBag[] = [];
    for (const safe of safes) {
      if (safe.contentType === OIDS.data) bags.push(...safe.plain!.safeBags);
      else bags.push(...(await decryptSafeContents(safe.encrypted!, passwordBuffer)).safeBags);
    }
    const flat = flattenBags(bags);

    const certificates = flat.filter((bag) => bag.bagId === OIDS.certBag).flatMap((bag) => certificateDer(bag.bagValue as pkijs.CertBag));
    const keyBags = flat.filter((bag) => bag.bagId === OIDS.shroudedKeyBag || bag.bagId === OIDS.keyBag);
    if (keyBags.length === 0) throw new Pkcs12Error("no-private-key");

    let unsupported = false;
    for (const bag of keyBags) {
      const opened = await importKeyBag(bag, passwordBuffer).catch((error: unknown) => {
        if (error instanceof Pkcs12Error && error.reason === "unsupported-key") {
          unsupported = true;
          return null;
        }
        throw error;
      });
      if (!opened) continue;
      for (const certificate of certificates) {
        if (await keyMatchesCertificate(opened, certificate)) {
          return externalKey(opened, certificate, certificates, fileName);
        }
      }
    }
    throw new Pkcs12Error(unsupported && keyBags.length === 1 ? "unsupported-key" : "no-certificate");
  } finally {
    new Uint8Array(passwordBuffer).fill(0);
  }
}

function parsePfx(fileBytes: Uint8Array): pkijs.PFX {
  if (fileBytes.byteLength < 16 || fileBytes[0] !== 0x30) throw new Pkcs12Error("not-pkcs12");
  try {
    const pfx = pkijs.PFX.fromBER(new Uint8Array(fileBytes)); // a copy: an ArrayBuffer-backed view
    if (!(pfx.authSafe instanceof pkijs.ContentInfo)) throw new Error("no authSafe");
    return pfx;
  } catch {
    throw new Pkcs12Error("not-pkcs12");
  }
}

interface AuthenticatedSafePart {
  contentType: string;
  plain?: pkijs.SafeContents;
  encrypted?: pkijs.EncryptedData;
}

function readAuthenticatedSafe(contents: pkijs.ContentInfo): AuthenticatedSafePart[] {
  let authenticatedSafe: pkijs.AuthenticatedSafe;
  try {
    authenticatedSafe = pkijs.AuthenticatedSafe.fromBER(octets(contents.content));
  } catch {
    throw new Pkcs12Error("not-pkcs12");
  }
  return authenticatedSafe.safeContents.map((part) => {
    try {
      if (part.contentType === OIDS.data) return { contentType: OIDS.data, plain: pkijs.SafeContents.fromBER(octets(part.content)) };
      if (part.contentType === OIDS.encryptedData) return { contentType: OIDS.encryptedData, encrypted: new pkijs.EncryptedData({ schema: part.content }) };
    } catch {
      throw new Pkcs12Error("not-pkcs12");
    }
    // EnvelopedData (public-key privacy mode): not something a password opens.
    throw new Pkcs12Error("legacy-encryption");
  });
}

function octets(value: unknown): ArrayBuffer {
  if (!(value instanceof asn1js.OctetString)) throw new Pkcs12Error("not-pkcs12");
  return value.getValue();
}

/** Throws "legacy-encryption" unless the algorithm is PBES2 with pieces WebCrypto has. */
function assertWebCryptoCipher(algorithm: pkijs.AlgorithmIdentifier): void {
  if (algorithm.algorithmId !== OIDS.pbes2) throw new Pkcs12Error("legacy-encryption");
  let params: pkijs.PBES2Params;
  let kdf: pkijs.PBKDF2Params;
  try {
    params = new pkijs.PBES2Params({ schema: algorithm.algorithmParams });
    if (params.keyDerivationFunc.algorithmId !== OIDS.pbkdf2) throw new Pkcs12Error("legacy-encryption");
    kdf = new pkijs.PBKDF2Params({ schema: params.keyDerivationFunc.algorithmParams });
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw new Pkcs12Error("not-pkcs12");
  }
  if (!WEBCRYPTO_CIPHERS.has(params.encryptionScheme.algorithmId)) throw new Pkcs12Error("legacy-encryption");
  if (kdf.prf && !WEBCRYPTO_PRFS.has(kdf.prf.algorithmId)) throw new Pkcs12Error("legacy-encryption");
}

async function checkMac(pfx: pkijs.PFX, password: ArrayBuffer): Promise<void> {
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    if (error instanceof Error && /Integrity/i.test(error.message)) throw new Pkcs12Error("wrong-password");
    // An unknown MAC digest or malformed MAC data.
    throw new Pkcs12Error("not-pkcs12");
  }
}

/** Without a MAC, a wrong password shows as a decryption (padding) failure. */
async function decryptWith<T>(decrypt: () => Promise<T>): Promise<T> {
  try {
    return await decrypt();
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw new Pkcs12Error("wrong-password");
  }
}

async function decryptSafeContents(encrypted: pkijs.EncryptedData, password: ArrayBuffer): Promise<pkijs.SafeContents> {
  const decrypted = await decryptWith(() => encrypted.decrypt({ password }));
  try {
    return pkijs.SafeContents.fromBER(decrypted);
  } catch {
    // Decrypted with the right padding by chance but garbage: still the wrong password.
    throw new Pkcs12Error("wrong-password");
  }
}

function flattenBags(bags: pkijs.SafeBag[]): pkijs.SafeBag[] {
  return bags.flatMap((bag) => (bag.bagId === OIDS.safeContentsBag ? flattenBags((bag.bagValue as pkijs.SafeContents).safeBags) : [bag]));
}

function certificateDer(bag: pkijs.CertBag): Uint8Array[] {
  if (bag.certId !== OIDS.x509Certificate || !(bag.certValue instanceof asn1js.OctetString)) return [];
  return [new Uint8Array(bag.certValue.valueBlock.valueHexView)];
}

/** Decrypts (if shrouded) and imports the key NON-extractable; the PKCS#8 bytes are zeroed whatever happens. */
async function importKeyBag(bag: pkijs.SafeBag, password: ArrayBuffer): Promise<OpenedKey> {
  let pkcs8: Uint8Array<ArrayBuffer>;
  if (bag.bagId === OIDS.shroudedKeyBag) {
    const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
    assertWebCryptoCipher(shrouded.encryptionAlgorithm);
    const encrypted = new pkijs.EncryptedData({
      encryptedContentInfo: new pkijs.EncryptedContentInfo({ contentEncryptionAlgorithm: shrouded.encryptionAlgorithm, encryptedContent: shrouded.encryptedData }),
    });
    pkcs8 = new Uint8Array(await decryptWith(() => encrypted.decrypt({ password })));
  } else {
    // An unencrypted keyBag (`-keypbe NONE`): copy so the copy can be zeroed.
    pkcs8 = new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false));
  }
  try {
    const algorithm = keyAlgorithm(pkcs8);
    let key: CryptoKey;
    try {
      key = await crypto.subtle.importKey("pkcs8", pkcs8, algorithm.importParams, false, ["sign"]);
    } catch {
      throw new Pkcs12Error("unsupported-key");
    }
    return { key, algorithm };
  } finally {
    pkcs8.fill(0);
  }
}

function keyAlgorithm(pkcs8: Uint8Array<ArrayBuffer>): SignAlgorithm {
  let info: pkijs.PrivateKeyInfo;
  try {
    info = pkijs.PrivateKeyInfo.fromBER(pkcs8);
  } catch {
    // A shrouded key bag decrypted to garbage with valid padding: the password was wrong.
    throw new Pkcs12Error("wrong-password");
  }
  const oid = info.privateKeyAlgorithm.algorithmId;
  if (oid === OIDS.rsaEncryption) {
    return { importParams: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, signParams: { name: "RSASSA-PKCS1-v1_5" } };
  }
  if (oid === OIDS.ecPublicKey) {
    const params = info.privateKeyAlgorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? CURVES[params.getValue()] : undefined;
    if (!curve) throw new Pkcs12Error("unsupported-key");
    return { importParams: { name: "ECDSA", namedCurve: curve }, signParams: { name: "ECDSA", hash: "SHA-256" }, curve };
  }
  throw new Pkcs12Error("unsupported-key");
}

/** The certificate whose public key verifies a signature by the private key over a random challenge. */
async function keyMatchesCertificate(opened: OpenedKey, certDer: Uint8Array): Promise<boolean> {
  try {
    const certificate = pkijs.Certificate.fromBER(new Uint8Array(certDer));
    const spki = certificate.subjectPublicKeyInfo.toSchema().toBER(false);
    const publicKey = await crypto.subtle.importKey("spki", spki, opened.algorithm.importParams, false, ["verify"]);
    const challenge = crypto.getRandomValues(new Uint8Array(32));
    const signature = await crypto.subtle.sign(opened.algorithm.signParams, opened.key, challenge);
    return await crypto.subtle.verify(opened.algorithm.signParams, publicKey, signature, challenge);
  } catch {
    return false; // another key type, or not a certificate pkijs can read
  }
}

function externalKey(opened: OpenedKey, certificate: Uint8Array, certificates: Uint8Array[], fileName?: string): ExternalKey {
  const seen = new Set<string>([hex(certificate)]);
  const chain: Uint8Array[] = [];
  for (const other of certificates) {
    const id = hex(other);
    if (seen.has(id)) continue;
    seen.add(id);
    chain.push(other);
  }
  const { key, algorithm } = opened;
  return {
    method: "PKCS12",
    certificate,
    chain,
    label: commonName(certificate) ?? fileName ?? "Chứng thư số",
    async sign(items: ToBeSigned[]): Promise<Uint8Array[]> {
      try {
        const signatures: Uint8Array[] = [];
        for (const item of items) {
          const raw = new Uint8Array(await crypto.subtle.sign(algorithm.signParams, key, new Uint8Array(item.signedAttributes)));
          // P-256 r‖s (64 bytes) is what the server expects; longer r‖s would be read as DER, so send DER.
          signatures.push(algorithm.curve === "P-384" ? ecdsaRawToDer(raw) : raw);
        }
        return signatures;
      } catch {
        throw new Pkcs12Error("sign-failed");
      }
    },
  };
}

function commonName(certDer: Uint8Array): string | undefined {
  try {
    const certificate = pkijs.Certificate.fromBER(new Uint8Array(certDer));
    const cn = certificate.subject.typesAndValues.findLast((attribute) => attribute.type === OIDS.commonName);
    const value = cn?.value.valueBlock.value;
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** r‖s → DER SEQUENCE { INTEGER r, INTEGER s } (browser-safe twin of cms-signed-data's). */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const body = bytes.subarray(start);
    const padded = body[0] & 0x80 ? [0, ...body] : [...body];
    return [0x02, padded.length, ...padded];
  };
  const half = raw.length / 2;
  const content = [...integer(raw.subarray(0, half)), ...integer(raw.subarray(half))];
  const length = content.length < 0x80 ? [content.length] : [0x81, content.length];
  return new Uint8Array([0x30, ...length, ...content]);
}

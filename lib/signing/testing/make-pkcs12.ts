import { webcrypto } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { run, tempDir } from "./external-tools";
import { issueTestCertificate, type IssueOptions, type TestCa } from "./external-test-ca";

/**
 * Test fixtures (Node only: unit tests and Playwright, never the app): a .p12/.pfx written by the
 * `openssl pkcs12 -export` CLI — the same tool a signer (or their CA) uses — so the browser-side opener is
 * tested against real files, not against what pkijs itself would write.
 *
 * - modern (default): PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC for key and certificates, MAC SHA-256;
 * - `legacy: "3des"` (or `true`): pbeWithSHAAnd3-KeyTripleDES-CBC for both, MAC SHA-1 (older Windows exports);
 * - `legacy: "rc2"`: OpenSSL's `-legacy` (RC2-40 certificates, 3DES key, MAC SHA-1).
 * Without `pkcs8` the file holds certificates only (`-nokeys`).
 */
export interface MakePkcs12Options {
  /** The signer's certificate, DER. */
  certDer: Uint8Array;
  /** The signer's private key, PKCS#8 DER; omit for a certificates-only file. */
  pkcs8?: Uint8Array;
  /** Issuer certificates to include (DER), e.g. the test CA's intermediate and root. */
  chain?: Uint8Array[];
  password: string;
  legacy?: boolean | "3des" | "rc2";
  /** The bag's friendlyName (Windows shows it); defaults to none. */
  friendlyName?: string;
}

function toPem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

function encryptionArgs(legacy: MakePkcs12Options["legacy"]): string[] {
  if (legacy === "rc2") return ["-legacy"];
  if (legacy === true || legacy === "3des") return ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"];
  return ["-keypbe", "AES-256-CBC", "-certpbe", "AES-256-CBC", "-macalg", "sha256"];
}

/** The .p12 bytes, made by `openssl pkcs12 -export` (throws with openssl's output if it refuses). */
export async function makeTestPkcs12(options: MakePkcs12Options): Promise<Uint8Array> {
  const dir = await tempDir("camket-p12-");
  const file = (name: string) => path.join(dir, name);
  try {
    await writeFile(file("cert.pem"), toPem("CERTIFICATE", options.certDer));
    // The password goes through a file: any character, and never on a command line.
    await writeFile(file("password.txt"), `${options.password}\n`, { mode: 0o600 });
    const args = ["pkcs12", "-export", "-in", file("cert.pem"), "-out", file("out.p12"), "-passout", `file:${file("password.txt")}`];
    if (options.pkcs8) {
      await writeFile(file("key.pem"), toPem("PRIVATE KEY", options.pkcs8), { mode: 0o600 });
      args.push("-inkey", file("key.pem"));
    } else {
      args.push("-nokeys");
    }
    if (options.chain?.length) {
      await writeFile(file("chain.pem"), options.chain.map((der) => toPem("CERTIFICATE", der)).join(""));
      args.push("-certfile", file("chain.pem"));
    }
    if (options.friendlyName) args.push("-name", options.friendlyName);
    args.push(...encryptionArgs(options.legacy));
    const result = await run("openssl", args);
    if (result.code !== 0) throw new Error(`openssl ${args.join(" ")} failed (${result.code}): ${result.output}`);
    return new Uint8Array(await readFile(file("out.p12")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the .p12 to `dir/fileName` (default `chung-thu-so.p12`) and returns its path — for Playwright's
 * `setInputFiles`. Typical use: `issueTestKeyAndCertificate(ca, { commonName })` → `{ certDer, pkcs8 }` →
 * `writeTestPkcs12File(dir, { certDer, pkcs8, chain: [ca.certDer], password })`.
 */
export async function writeTestPkcs12File(dir: string, options: MakePkcs12Options & { fileName?: string }): Promise<string> {
  const bytes = await makeTestPkcs12(options);
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, options.fileName ?? "chung-thu-so.p12");
  await writeFile(target, bytes);
  return target;
}

/** An RSA-2048 key made in WebCrypto and a certificate for it by `ca` (the EC helpers' RSA twin). */
export async function issueTestRsaKeyAndCertificate(ca: TestCa, options: IssueOptions, now = new Date()) {
  const keys = (await webcrypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const certDer = await issueTestCertificate(ca, keys.publicKey, options, now);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  return { keys, certDer, pkcs8 };
}

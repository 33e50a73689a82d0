import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** Independent verifiers (Debian poppler-utils, libnss3-tools, qpdf, openssl) for signature tests. */

const exec = promisify(execFile);

export interface ToolResult {
  code: number;
  output: string;
}

export async function run(command: string, args: string[]): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await exec(command, args, { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error; // command missing: fail loudly
    return { code: failed.code, output: (failed.stdout ?? "") + (failed.stderr ?? "") };
  }
}

export async function tempDir(prefix = "camket-sig-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** An NSS database whose only trust anchor is `caPem`; pass the result to `pdfsig -nssdir`. */
export async function createTrustingNssDb(caPem: string): Promise<string> {
  const dir = await tempDir("camket-nss-");
  await writeFile(path.join(dir, "ca.pem"), caPem);
  const db = `sql:${dir}`;
  for (const args of [
    ["-N", "-d", db, "--empty-password"],
    ["-A", "-d", db, "-n", "ca", "-t", "CT,C,C", "-i", path.join(dir, "ca.pem")],
  ]) {
    const result = await run("certutil", args);
    if (result.code !== 0) throw new Error(`certutil ${args.join(" ")} failed: ${result.output}`);
  }
  return db;
}

export interface PdfsigSignature {
  fieldName?: string;
  commonName?: string;
  totalDocumentSigned: boolean;
  validation?: string;
  certificateValidation?: string;
  /** One of camket's document timestamps (B-LTA), which pdfsig 22.12 lists but cannot validate. */
  documentTimestamp: boolean;
  block: string;
}

export interface PdfsigReport {
  code: number;
  output: string;
  signatures: PdfsigSignature[];
}

/** Runs pdfsig against `nssDb` (never with -no-ocsp: pdfsig 22.12 then misreports trust). */
export async function runPdfsig(pdfPath: string, nssDb: string): Promise<PdfsigReport> {
  const { code, output } = await run("pdfsig", ["-nssdir", nssDb, pdfPath]);
  const blocks = output.split(/^Signature #\d+:$/m).slice(1);
  const field = (block: string, label: string) => new RegExp(`- ${label}: (.*)$`, "m").exec(block)?.[1]?.trim();
  return {
    code,
    output,
    signatures: blocks.map((block) => ({
      fieldName: field(block, "Signature Field Name"),
      commonName: field(block, "Signer Certificate Common Name"),
      totalDocumentSigned: /- Total document signed/.test(block),
      validation: field(block, "Signature Validation"),
      // camket's document timestamps (B-LTA): pdfsig 22.12 lists them but cannot validate ETSI.RFC3161.
      documentTimestamp: field(block, "Signature Field Name")?.startsWith("DauThoiGianLuuTru_") === true,
      certificateValidation: field(block, "Certificate Validation"),
      block,
    })),
  };
}

export async function qpdfCheck(pdfPath: string): Promise<ToolResult> {
  return run("qpdf", ["--check", pdfPath]);
}

/** `openssl cms -verify` of a detached CMS over `content`, trusting only `caPem`. */
export async function opensslCmsVerify(cms: Uint8Array, content: Uint8Array, caPem: string): Promise<ToolResult> {
  const dir = await tempDir("camket-cms-");
  const file = (name: string) => path.join(dir, name);
  await Promise.all([writeFile(file("sig.der"), cms), writeFile(file("content.bin"), content), writeFile(file("ca.pem"), caPem)]);
  return run("openssl", [
    "cms", "-verify", "-binary", "-inform", "DER", "-in", file("sig.der"), "-content", file("content.bin"),
    "-CAfile", file("ca.pem"), "-purpose", "any", "-out", "/dev/null",
  ]);
}

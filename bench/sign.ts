/**
 * `npx tsx bench/sign.ts`: median wall time (interleaved) of signPdf (unit head; B-B, and B-T with a token from an
 * in-process TSA as the built-in one makes it) and of the countersignature on a
 * 3-page commitment-sized PDF, against the crypto floor — one WebCrypto ECDSA P-256 signature over
 * the PDF's SHA-256 — which no PDF signing can beat. Options (and the signature PNG) are built once,
 * as in a bulk countersign where the same person signs many documents.
 */
import { createHash } from "node:crypto";
import { signPdf } from "@/lib/signing/sign-pdf";
import { createSamplePdf } from "@/lib/signing/testing/sample-pdf";
import { createTestPki } from "@/lib/signing/testing/test-pki";
import { countersignOptions, headSignOptions } from "@/lib/signing/testing/sign-fixtures";
import { issueServiceCertificate } from "@/lib/signing/city-ca";
import { issueTimestampToken, sha256Imprint } from "@/lib/timestamping/issue-timestamp-token";
import { fmt } from "./median";
import { interleavedMedians, resultNumber } from "./interleaved";

const pki = await createTestPki();
const pdf = await createSamplePdf(3);
const headOptions = headSignOptions(pki, pdf);
const signed = await signPdf(headOptions);
const chairOptions = countersignOptions(pki, signed);
const key = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
// B-T as the built-in TSA makes it: a token signed in-process by a TSA key from the same CA.
const tsaIssued = await issueServiceCertificate(pki.ca, { commonName: "TSA", purpose: "tsa", validityMs: 365 * 86_400_000 });
const tsaKey = {
  chainDer: [tsaIssued.certDer, pki.ca.certDer],
  privateKey: await crypto.subtle.importKey("pkcs8", new Uint8Array(tsaIssued.privateKeyPkcs8), { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]),
};
const timestamper = { tokenCapacity: 4_096, stamp: (digest: Uint8Array) => issueTimestampToken(tsaKey, sha256Imprint(digest), undefined, new Date()) };

// Interleaved after a warm-up long enough for the JIT: the first few dozen signatures run unoptimised code.
const { floor, sign, signBT, countersign } = await interleavedMedians(
  {
    floor: async () => crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, createHash("sha256").update(pdf).digest()),
    sign: () => signPdf(headOptions),
    signBT: () => signPdf({ ...headOptions, timestamper }),
    countersign: () => signPdf(chairOptions),
  },
  { warmup: 100, rounds: 300 },
);

console.log(`document: 3 pages, ${pdf.length} bytes; signed ${signed.length} bytes; medians of 300 interleaved rounds after 100 warm-up`);
console.log(`crypto floor (SHA-256 + ECDSA P-256): ${fmt(floor)}`);
console.log(`sign (head):                          ${fmt(sign)}  = ${(sign / floor).toFixed(1)}× floor`);
console.log(`sign B-T (+ built-in TSA token):      ${fmt(signBT)}  = ${(signBT / floor).toFixed(1)}× floor`);
console.log(`countersign (chairperson):            ${fmt(countersign)}  = ${(countersign / floor).toFixed(1)}× floor`);

// ── The whole server pipeline on a database: sign (as the head's request does) and a bulk countersign of 100 ──
// The server pipeline (bench/sign-pipeline.ts) on PGlite and on PostgreSQL, each in its own process with its
// own floor: on PostgreSQL a scratch database is created and dropped (POSTGRES_URL, default the local server).
const { execFileSync } = await import("node:child_process");
const { default: pg } = await import("pg");
const pipelineOn = (target: string) => {
  const out = execFileSync("npx", ["tsx", "bench/sign-pipeline.ts", target], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const line = out.split("\n").find((l) => l.startsWith("PIPELINE "));
  if (!line) throw new Error(`bench/sign-pipeline.ts ${target} printed no result`);
  return JSON.parse(line.slice("PIPELINE ".length)) as { floor: number; password: number; sign: number; pipeline: number; externalServer: number; bulkMs: number; issue: number; issueFloor: number };
};
const serverUrl = new URL(process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const scratch = `camket_bench_sign_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl.href });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
const onPglite = pipelineOn("pglite");
let onPg;
try {
  onPg = pipelineOn(Object.assign(new URL(serverUrl.href), { pathname: `/${scratch}` }).href);
} finally {
  await admin.query(`DROP DATABASE ${scratch} WITH (FORCE)`);
  await admin.end();
}
for (const [name, r] of [["PGlite", onPglite], ["PostgreSQL", onPg]] as const) {
  console.log(`\nserver pipeline on ${name}, 100 real commitments (render excluded), interleaved medians:`);
  console.log(`signAssignment:                 ${fmt(r.sign)}  (argon2id password check ${fmt(r.password)}, floor ${fmt(r.floor)})`);
  console.log(`  without the password check:  ${fmt(r.pipeline)}  = ${(r.pipeline / r.floor).toFixed(1)}× floor — B-LT: B-T token + DSS revision with OCSP responses`);
  console.log(`external key, prepare + finalize: ${fmt(r.externalServer)}  = ${(r.externalServer / r.floor).toFixed(1)}× floor (server time; the key's own signing excluded)`);
  console.log(`issuance (number, seal, organisation signature, register): ${fmt(r.issue)}  = ${(r.issue / r.issueFloor).toFixed(1)}× floor (server time)`);
  console.log(`bulk countersign of 100:        ${(r.bulkMs / 1000).toFixed(2)} s  (goal ≤ 1 s → ${r.bulkMs <= 1000 ? "MET" : "NOT MET"})`);
}
// The bulk figure reported is the worse of the two databases.
const bulkS = Math.max(onPglite.bulkMs, onPg.bulkMs) / 1000;
console.log(
  `RESULT sign_x_floor=${resultNumber(sign / floor, 1)} sign_bt_x_floor=${resultNumber(signBT / floor, 1)} countersign_x_floor=${resultNumber(countersign / floor, 1)} blt_pipeline_x_floor_pglite=${resultNumber(onPglite.pipeline / onPglite.floor, 1)} blt_pipeline_x_floor_pg=${resultNumber(onPg.pipeline / onPg.floor, 1)} external_x_floor_pglite=${resultNumber(onPglite.externalServer / onPglite.floor, 1)} external_x_floor_pg=${resultNumber(onPg.externalServer / onPg.floor, 1)} issue_x_floor_pglite=${resultNumber(onPglite.issue / onPglite.issueFloor, 1)} issue_x_floor_pg=${resultNumber(onPg.issue / onPg.issueFloor, 1)} bulk100_s=${resultNumber(bulkS)}`,
);
process.exit(0);

/**
 * `npx tsx bench/sign.ts`: median wall time of signPdf (unit head) and of the countersignature on a
 * 3-page commitment-sized PDF, against the crypto floor — one WebCrypto ECDSA P-256 signature over
 * the PDF's SHA-256 — which no PDF signing can beat. Options (and the signature PNG) are built once,
 * as in a bulk countersign where the same person signs many documents.
 */
import { createHash } from "node:crypto";
import { signPdf } from "@/lib/signing/sign-pdf";
import { createSamplePdf } from "@/lib/signing/testing/sample-pdf";
import { createTestPki } from "@/lib/signing/testing/test-pki";
import { countersignOptions, headSignOptions } from "@/lib/signing/testing/sign-fixtures";
import { fmt, medianMs } from "./median";

const pki = await createTestPki();
const pdf = await createSamplePdf(3);
const headOptions = headSignOptions(pki, pdf);
const signed = await signPdf(headOptions);
const chairOptions = countersignOptions(pki, signed);
const key = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);

const floor = await medianMs(async () => {
  const digest = createHash("sha256").update(pdf).digest();
  await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, digest);
});
const sign = await medianMs(() => signPdf(headOptions));
const countersign = await medianMs(() => signPdf(chairOptions));

console.log(`document: 3 pages, ${pdf.length} bytes; signed ${signed.length} bytes; 30 runs each (median)`);
console.log(`crypto floor (SHA-256 + ECDSA P-256): ${fmt(floor)}`);
console.log(`sign (head):                          ${fmt(sign)}  = ${(sign / floor).toFixed(1)}× floor`);
console.log(`countersign (chairperson):            ${fmt(countersign)}  = ${(countersign / floor).toFixed(1)}× floor`);

// ── The whole server pipeline on a database: sign (as the head's request does) and a bulk countersign of 100 ──
// An in-memory embedded PostgreSQL, migrated, with a campaign of 100 units launched through the real code.
const { startEmbeddedPostgres } = await import("@/lib/db/embedded-server");
const { deployMigrations } = await import("@/lib/db/migration-engine");
const db = await startEmbeddedPostgres();
await deployMigrations(db.url);
process.env.DATABASE_URL = db.url;
const { launchTestCampaign, createActor } = await import("@/lib/test/factories");
const { signAssignment } = await import("@/lib/signatures/sign-assignment");
const { countersignAssignment, startCountersigning } = await import("@/lib/signatures/countersign-assignment");
const { verifyPassword, hashPassword } = await import("@/lib/auth/password");
const { createSignaturePng } = await import("@/lib/signing/testing/signature-png");

const UNITS = 100;
const { heads } = await launchTestCampaign(UNITS);
const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
const signTimes: number[] = [];
for (const head of heads) {
  const start = performance.now();
  const result = await signAssignment(head.actor, {
    assignmentId: head.assignment.id,
    reviewedSha256: head.assignment.documentSha256,
    password: head.password,
    signatureImage: png,
  });
  signTimes.push(performance.now() - start);
  if (!result.ok) throw new Error(result.message);
}
const hash = await hashPassword("MatKhau@123");
const passwordCheck = await medianMs(() => verifyPassword("MatKhau@123", hash), 10, 1);
signTimes.sort((a, b) => a - b);
const signServer = signTimes[Math.floor(signTimes.length / 2)];

const chair = await createActor("CHAIRPERSON");
const bulkStart = performance.now();
const grant = (await startCountersigning(chair, "MatKhau@123")).grant!;
let countersigned = 0;
for (const head of heads) {
  const result = await countersignAssignment(chair, { assignmentId: head.assignment.id, grant, signatureImage: png });
  if (result.ok) countersigned++;
}
const bulk = performance.now() - bulkStart;

console.log(`\nserver pipeline on the embedded database, ${UNITS} real commitments (render excluded):`);
console.log(`signAssignment, median:                ${fmt(signServer)}  (of which the argon2id password check ${fmt(passwordCheck)})`);
console.log(`  without the password check:         ${fmt(signServer - passwordCheck)}  = ${((signServer - passwordCheck) / floor).toFixed(1)}× floor`);
console.log(`bulk countersign of ${countersigned}:             ${(bulk / 1000).toFixed(2)} s  (goal ≤ 3 s → ${bulk <= 3000 ? "MET" : "NOT MET"})`);
console.log(
  `RESULT sign_x_floor=${(sign / floor).toFixed(1)} countersign_x_floor=${(countersign / floor).toFixed(1)} pipeline_ms=${(signServer - passwordCheck).toFixed(1)} bulk_countersign_100_s=${(bulk / 1000).toFixed(2)}`,
);
await db.stop();
process.exit(0);

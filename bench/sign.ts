/**
 * `npx tsx bench/sign.ts`: median wall time of signPdf (unit head) and of the countersignature on a
 * 3-page commitment-sized PDF, against the crypto floor — one WebCrypto ECDSA P-256 signature over
 * the PDF's SHA-256 — which no PDF signing can beat.
 */
import { createHash } from "node:crypto";
import { signPdf } from "@/lib/signing/sign-pdf";
import { createSamplePdf } from "@/lib/signing/testing/sample-pdf";
import { createTestPki } from "@/lib/signing/testing/test-pki";
import { countersignOptions, headSignOptions } from "@/lib/signing/testing/sign-fixtures";

const RUNS = 30;
const WARMUP = 3;

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return (times[(RUNS - 1) >> 1]! + times[RUNS >> 1]!) / 2;
}

const pki = await createTestPki();
const pdf = await createSamplePdf(3);
const signed = await signPdf(headSignOptions(pki, pdf));
const key = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);

const floor = await median(async () => {
  const digest = createHash("sha256").update(pdf).digest();
  await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, digest);
});
const sign = await median(() => signPdf(headSignOptions(pki, pdf)));
const countersign = await median(() => signPdf(countersignOptions(pki, signed)));

const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log(`document: 3 pages, ${pdf.length} bytes; signed ${signed.length} bytes; ${RUNS} runs each (median)`);
console.log(`crypto floor (SHA-256 + ECDSA P-256): ${ms(floor)}`);
console.log(`sign (head):                          ${ms(sign)}  = ${(sign / floor).toFixed(1)}× floor`);
console.log(`countersign (chairperson):            ${ms(countersign)}  = ${(countersign / floor).toFixed(1)}× floor`);

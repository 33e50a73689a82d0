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

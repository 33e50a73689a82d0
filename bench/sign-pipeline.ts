/**
 * The server half of `bench/sign.ts`, one database per process (the Prisma client and the city CA are
 * per process): `npx tsx bench/sign-pipeline.ts pglite|<postgresql url of an empty scratch database>`.
 * 100 real commitments launched through the real code; signAssignment measured interleaved with the crypto
 * floor (SHA-256 + ECDSA P-256 over the same PDF) and the argon2id check, so the ratio is one run's; then
 * a bulk countersign of the 100 in chunks, as the screen does. Interleaved too: a signature with a key the
 * server never holds (prepare → WebCrypto signs, as a .p12 in the browser would → finalize) and that key's
 * signing alone, so the server's share of an external signature is their difference. Then the clerk issues
 * them (number, seal, organisation signature; lib/issuance), interleaved with the floor. Prints one
 * `PIPELINE {json}` line.
 */
import { createHash } from "node:crypto";
import { interleavedMedians } from "./interleaved";

const target = process.argv[2] ?? "pglite";
// The signed PDFs go to a scratch blob store, removed at exit, never into the app's .data/blobs.
const { mkdtempSync, rmSync } = await import("node:fs");
const blobs = mkdtempSync(`${(await import("node:os")).tmpdir()}/camket-bench-blobs-`);
process.env.CAMKET_STORAGE_DIR = blobs;
delete process.env.CAMKET_STORAGE;
process.on("exit", () => rmSync(blobs, { recursive: true, force: true }));
let stop = async () => {};
if (target === "pglite") {
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-server");
  const db = await startEmbeddedPostgres();
  process.env.DATABASE_URL = db.url;
  stop = () => db.stop();
} else {
  process.env.DATABASE_URL = target;
}
const { deployMigrations } = await import("@/lib/db/migration-engine");
await deployMigrations(process.env.DATABASE_URL!);

const { launchTestCampaign, createActor } = await import("@/lib/test/factories");
const { signAssignment } = await import("@/lib/signatures/sign-assignment");
const { startCountersigning } = await import("@/lib/signatures/countersign-assignment");
const { countersignAssignments } = await import("@/lib/signatures/countersign-assignments");
const { COUNTERSIGN_CHUNK } = await import("@/lib/signatures/countersign-chunk");
const { getSigningIdentity } = await import("@/lib/signatures/user-certificate-store");
const { getFile } = await import("@/lib/storage/file-store");
const { verifyPassword, hashPassword } = await import("@/lib/auth/password");
const { createSignaturePng } = await import("@/lib/signing/testing/signature-png");
const { externalSignerFor, trustedTestCa } = await import("@/lib/test/external-signer");
const { prepareExternalSignatures } = await import("@/lib/signatures/prepare-external-signatures");
const { finalizeExternalSignatures } = await import("@/lib/signatures/finalize-external-signatures");

const UNITS = 100;
const { heads } = await launchTestCampaign(UNITS);
// Certificates exist ahead of need (issued when a head is assigned), as in production.
for (const head of heads) await getSigningIdentity(head.actor);
const chair = await createActor("CHAIRPERSON");
await getSigningIdentity(chair);
const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
const pdf = (await getFile(heads[0].assignment.documentSha256))!;
const key = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
const hash = await hashPassword("MatKhau@123");
// The last ROUNDS heads sign with a key of their own (registered, bound), the others with the server key.
const ROUNDS = 35;
const WARMUP = 5;
const ca = await trustedTestCa("Bench CA");
const externalHeads = heads.slice(UNITS - ROUNDS - WARMUP);
const externalSigners = await Promise.all(externalHeads.map((head) => externalSignerFor(head.actor, ca)));
const attributes = new Uint8Array(200);

let next = 0;
async function signNext() {
  const head = heads[next++];
  const result = await signAssignment(head.actor, {
    assignmentId: head.assignment.id,
    reviewedSha256: head.assignment.documentSha256,
    password: head.password,
    signatureImage: png,
  });
  if (!result.ok) throw new Error(result.message);
}
let nextExternal = 0;
async function signNextExternally() {
  const head = externalHeads[nextExternal];
  const signer = externalSigners[nextExternal++];
  const prepared = await prepareExternalSignatures(head.actor, {
    assignmentIds: [head.assignment.id],
    reviewedSha256: head.assignment.documentSha256,
    method: "PKCS12",
    certificate: signer.certificate,
    signatureImage: png,
  });
  const pending = prepared.pending?.[0];
  if (!pending) throw new Error(prepared.message);
  const result = await finalizeExternalSignatures(head.actor, { signatures: [{ pendingId: pending.id, signature: await signer.sign(pending.signedAttributes) }] });
  if (!result.ok) throw new Error(result.message);
}
const medians = await interleavedMedians(
  {
    floor: async () => crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, createHash("sha256").update(pdf).digest()),
    password: () => verifyPassword("MatKhau@123", hash),
    sign: signNext,
    external: signNextExternally,
    externalKey: () => crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, attributes),
  },
  { rounds: ROUNDS, warmup: WARMUP },
);
while (next < UNITS - externalHeads.length) await signNext();

const bulkStart = performance.now();
const grant = (await startCountersigning(chair, "MatKhau@123")).grant!;
let countersigned = 0;
for (let i = 0; i < heads.length; i += COUNTERSIGN_CHUNK) {
  const assignmentIds = heads.slice(i, i + COUNTERSIGN_CHUNK).map((h) => h.assignment.id);
  const result = await countersignAssignments(chair, { assignmentIds, grant, signatureImage: png });
  countersigned += result.outcomes?.filter((o) => o.ok).length ?? 0;
}
const bulkMs = performance.now() - bulkStart;
if (countersigned !== UNITS) throw new Error(`countersigned ${countersigned} of ${UNITS}`);

// Issuance of the countersigned documents by a clerk of their body (its certificate made by the first one).
const { prisma } = await import("@/lib/db/client");
const { demoSealPng } = await import("@/lib/issuing-bodies/demo-seal-png");
const { issueDocument } = await import("@/lib/issuance/issue-document");
const body = await prisma.issuingBody.create({
  data: { name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐO THỬ", placeName: "Phan Thiết", abbreviation: "UBND", sealPng: new Uint8Array(demoSealPng("bench")), sealSha256: "bench" },
});
await prisma.unit.updateMany({ where: { id: { in: heads.map((h) => h.unit.id) } }, data: { issuingBodyId: body.id } });
const clerk = await createActor("CLERK");
let nextIssued = 0;
async function issueNext() {
  const outcome = await issueDocument(clerk, body.id, heads[nextIssued++].assignment.id, {});
  if (!outcome.ok) throw new Error(outcome.refusal);
}
const issuance = await interleavedMedians(
  {
    issueFloor: async () => crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, createHash("sha256").update(pdf).digest()),
    issue: issueNext,
  },
  { rounds: ROUNDS, warmup: WARMUP },
);

console.log(
  `PIPELINE ${JSON.stringify({ ...medians, pipeline: medians.sign - medians.password, externalServer: medians.external - medians.externalKey, bulkMs, issue: issuance.issue, issueFloor: issuance.issueFloor })}`,
);
await stop();
process.exit(0);

import "reflect-metadata";
import { describe, expect, it } from "vitest";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { getFile } from "@/lib/storage/file-store";
import { extractSignatureCms, readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { signedRangesContent } from "@/lib/signing/pdf-signature-placeholder";
import { createTrustingNssDb, qpdfCheck, run, runPdfsig, tempDir } from "@/lib/signing/testing/external-tools";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";
import { lastByteRange, vriKeyOf } from "@/lib/signing/vri-key";
import { issueUserCertificate } from "@/lib/signing/city-ca";
import { createCityCaSigner } from "@/lib/signing/city-ca-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { currentTimestamper } from "@/lib/timestamping/current-timestamper";
import { ocspResponseForCertificate } from "@/lib/revocation/ocsp-response-for-certificate";
import { appendDssRevision } from "./append-dss-revision";

type QpdfObject = Record<string, unknown>;

// PAdES B-LT (issue 15 item 3): after each signature a DSS revision holds the chain and OCSP responses, so the
// file validates with no network — judged by pdfsig, qpdf and openssl, not by our own reader alone.
describe("validation data after every signature (B-LT), a document timestamp at completion (B-LTA)", () => {
  it("a signed and countersigned commitment carries a DSS with certificates, OCSP responses and a VRI entry per signature, all checkable offline, closed by a document timestamp (B-LTA)", async () => {
    const [head] = (await launchTestCampaign(1)).heads;
    expect(await signAsHead(head!)).toMatchObject({ ok: true });
    const chair = await createActor("CHAIRPERSON");
    const { grant } = await startCountersigning(chair, "MatKhau@123");
    expect(await countersignAssignment(chair, { assignmentId: head!.assignment.id, grant: grant!, signatureImage: signatureDataUrl() })).toMatchObject({ ok: true });
    const { documentSha256 } = await prisma.assignment.findUniqueOrThrow({ where: { id: head!.assignment.id } });
    const pdf = (await getFile(documentSha256))!;

    const dir = await tempDir();
    const file = path.join(dir, "b-lt.pdf");
    await writeFile(file, pdf);
    const ca = await getCityCa();
    // pdfsig reads only the file and the NSS database: no network, no camket.
    const report = await runPdfsig(file, await createTrustingNssDb(ca.certPem));
    const [headSignature, chairSignature, archiveStamp] = report.signatures;
    expect(report.signatures).toHaveLength(3);
    for (const signature of [headSignature, chairSignature]) expect(signature).toMatchObject({ validation: "Signature is Valid.", certificateValidation: "Certificate is Trusted." });
    expect((await qpdfCheck(file)).output).toContain("No syntax or stream encoding errors found");

    const json = JSON.parse((await run("qpdf", ["--json=1", "--json-key=objects", file])).output) as { objects: Record<string, QpdfObject> };
    const objects = json.objects;
    const catalog = Object.values(objects).find((o) => o?.["/Type"] === "/Catalog")!;
    const dss = objects[String(catalog["/DSS"])]!;
    expect(Object.keys(dss)).toEqual(expect.arrayContaining(["/Certs", "/OCSPs", "/VRI"]));
    const infos = await readPdfSignatures(pdf);
    const signatures = infos.filter((info) => info.kind === "signature");
    expect(Object.keys(dss["/VRI"] as object).sort()).toEqual(signatures.map((info) => `/${vriKeyOf(pdf, info.byteRange)}`).sort());

    // Every embedded OCSP response verifies against the city CA alone and says good.
    const caPem = path.join(dir, "ca.pem");
    await writeFile(caPem, ca.certPem);

    // The completion's document timestamp covers the whole file. pdfsig 22.12 lists it but cannot validate
    // ETSI.RFC3161 ("Unimplemented Feature"), so openssl checks its token over the signed ranges.
    expect(archiveStamp).toMatchObject({ fieldName: expect.stringMatching(/^DauThoiGianLuuTru_/), totalDocumentSigned: true });
    expect(archiveStamp!.block).toContain("Signed Ranges");
    const stamp = infos.at(-1)!;
    expect(stamp.kind).toBe("document-timestamp");
    await writeFile(path.join(dir, "stamp.tsr"), extractSignatureCms(pdf, stamp.byteRange));
    await writeFile(path.join(dir, "ranges.bin"), signedRangesContent(pdf, stamp.byteRange));
    const tsVerify = await run("openssl", ["ts", "-verify", "-data", path.join(dir, "ranges.bin"), "-in", path.join(dir, "stamp.tsr"), "-token_in", "-CAfile", caPem]);
    expect(tsVerify.output).toContain("Verification: OK");
    const archive = await prisma.archiveTimestamp.findMany({ where: { assignmentId: head!.assignment.id } });
    expect(archive).toEqual([expect.objectContaining({ reason: "COMPLETED", sha256: documentSha256 })]);
    const ocsps = (dss["/OCSPs"] as string[]).map((ref) => Number(ref.split(" ")[0]));
    expect(ocsps.length).toBeGreaterThanOrEqual(4); // signer and TSA, for each of the two signatures
    for (const number of ocsps) {
      const der = path.join(dir, `ocsp-${number}.der`);
      await writeFile(der, spawnSync("qpdf", [`--show-object=${number}`, "--raw-stream-data", file]).stdout);
      const text = (await run("openssl", ["ocsp", "-respin", der, "-CAfile", caPem, "-resp_text"])).output;
      expect(text).toContain("Response verify OK");
      expect(text).toContain("Cert Status: good");
    }

    // Our verifier sees validation data added after each signature, which changes nothing they signed, and
    // judges both signatures B-LT from the file alone.
    const admin = await createActor("ADMIN");
    const verified = await verifyUploadedPdf(admin, pdf);
    expect(verified.ok && verified.verdict).toBe("valid");
    expect(verified.ok && verified.signatures.map((s) => [s.kind, s.level, s.revocation.source, s.revocation.status])).toEqual([
      ["signature", "B-LTA", "dss", "good"],
      ["signature", "B-LTA", "dss", "good"],
      ["document-timestamp", null, null, null],
    ]);

    // Three years on, past the signer certificates' two-year validity: still valid, on the built-in TSA's proof,
    // and still B-LTA (a B-B file is not: judge-signature-level.test.ts).
    const later = new Date(Date.now() + 3 * 365 * 86_400_000);
    const inTheFuture = await verifyUploadedPdf(admin, pdf, "b-lt.pdf", { now: later });
    expect(inTheFuture.ok && inTheFuture.signatures.map((s) => [s.valid, s.level])).toEqual([
      [true, "B-LTA"],
      [true, "B-LTA"],
      [true, null],
    ]);
  });

  it("an embedded OCSP response about another certificate proves nothing: the signature stays B-T and says why", async () => {
    const ca = await getCityCa();
    const person = await issueUserCertificate(ca, { fullName: "Lê Văn Tám", jobTitle: "Chủ tịch UBND phường", unitName: "UBND phường Hàm Tiến" });
    const other = await issueUserCertificate(ca, { fullName: "Người Khác", jobTitle: "Thử", unitName: "Thử" });
    const signer = await createCityCaSigner({ certDer: person.certDer, privateKeyPkcs8: person.privateKeyPkcs8, issuerCertsDer: [ca.certDer] });
    const { createSamplePdf } = await import("@/lib/signing/testing/sample-pdf");
    const { headSignOptions } = await import("@/lib/signing/testing/sign-fixtures");
    const options = headSignOptions({ head: { signer } } as never, await createSamplePdf());
    const signed = await signPdf({ ...options, timestamper: currentTimestamper() });
    const wrong = await ocspResponseForCertificate(other.certDer, new Date(), { status: "good" });
    const pdf = appendDssRevision(signed, [{ vriKey: vriKeyOf(signed, lastByteRange(signed)), certs: [person.certDer, ca.certDer], ocsps: [wrong!], crls: [] }], new Date());
    const result = await verifyUploadedPdf(await createActor("AUDITOR"), pdf, "sai-ocsp.pdf");
    expect(result.ok && result.signatures[0]).toMatchObject({ valid: true, level: "B-T", revocation: { checked: false } });
    expect(result.ok && result.signatures[0]!.shortfalls[0]).toContain("B-LT");
  });
});

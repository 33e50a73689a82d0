import "reflect-metadata";
import { describe, expect, it } from "vitest";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { prisma } from "@/lib/db/client";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { getFile } from "@/lib/storage/file-store";
import { readPdfSignatures } from "@/lib/signing/read-pdf-signatures";
import { createTrustingNssDb, qpdfCheck, run, runPdfsig, tempDir } from "@/lib/signing/testing/external-tools";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { verifyUploadedPdf } from "@/lib/verification/verify-uploaded-pdf";
import { vriKeyOf } from "./vri-key";

type QpdfObject = Record<string, unknown>;

// PAdES B-LT (issue 15 item 3): after each signature a DSS revision holds the chain and OCSP responses, so the
// file validates with no network — judged by pdfsig, qpdf and openssl, not by our own reader alone.
describe("validation data after every signature (B-LT)", () => {
  it("a signed and countersigned commitment carries a DSS with certificates, OCSP responses and a VRI entry per signature, all checkable offline", async () => {
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
    expect(report.signatures).toHaveLength(2);
    for (const signature of report.signatures) expect(signature).toMatchObject({ validation: "Signature is Valid.", certificateValidation: "Certificate is Trusted." });
    expect((await qpdfCheck(file)).output).toContain("No syntax or stream encoding errors found");

    const json = JSON.parse((await run("qpdf", ["--json=1", "--json-key=objects", file])).output) as { objects: Record<string, QpdfObject> };
    const objects = json.objects;
    const catalog = Object.values(objects).find((o) => o?.["/Type"] === "/Catalog")!;
    const dss = objects[String(catalog["/DSS"])]!;
    expect(Object.keys(dss)).toEqual(expect.arrayContaining(["/Certs", "/OCSPs", "/VRI"]));
    const infos = await readPdfSignatures(pdf);
    expect(Object.keys(dss["/VRI"] as object).sort()).toEqual(infos.map((info) => `/${vriKeyOf(pdf, info.byteRange)}`).sort());

    // Every embedded OCSP response verifies against the city CA alone and says good.
    const caPem = path.join(dir, "ca.pem");
    await writeFile(caPem, ca.certPem);
    const ocsps = (dss["/OCSPs"] as string[]).map((ref) => Number(ref.split(" ")[0]));
    expect(ocsps.length).toBeGreaterThanOrEqual(4); // signer and TSA, for each of the two signatures
    for (const number of ocsps) {
      const der = path.join(dir, `ocsp-${number}.der`);
      await writeFile(der, spawnSync("qpdf", [`--show-object=${number}`, "--raw-stream-data", file]).stdout);
      const text = (await run("openssl", ["ocsp", "-respin", der, "-CAfile", caPem, "-resp_text"])).output;
      expect(text).toContain("Response verify OK");
      expect(text).toContain("Cert Status: good");
    }

    // Our verifier sees validation data added after each signature, which changes nothing they signed.
    const admin = await createActor("ADMIN");
    const verified = await verifyUploadedPdf(admin, pdf);
    expect(verified.ok && verified.verdict).toBe("valid");
  });
});

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { getAssignmentPdf } from "@/lib/assignments/get-assignment-pdf";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { run, tempDir } from "@/lib/signing/testing/external-tools";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { GET as validationReportRoute } from "@/app/api/v1/assignments/[id]/validation-report/route";
import { getValidationReport } from "./get-validation-report";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
let campaign: Awaited<ReturnType<typeof launchTestCampaign>>;

beforeAll(async () => {
  campaign = await launchTestCampaign(2);
  const head = campaign.heads[0]!;
  const result = await signAssignment(head.actor, { assignmentId: head.assignment.id, reviewedSha256: head.assignment.documentSha256, password: head.password, signatureImage: png });
  if (!result.ok) throw new Error(result.message);
});

/** Writes both files where the independent tools can read them. */
async function onDisk(report: Uint8Array, pdf: Uint8Array) {
  const dir = await tempDir("camket-report-");
  await writeFile(path.join(dir, "report.pdf"), report);
  await writeFile(path.join(dir, "document.pdf"), pdf);
  return dir;
}

describe("validation report", () => {
  it("pdftotext shows the Vietnamese text, the sha256sum of the PDF, the signer and the audit events; qpdf --check is clean", async () => {
    const head = campaign.heads[0]!;
    const started = performance.now();
    const report = await getValidationReport(head.actor, head.assignment.id, { download: true });
    console.log(`report rendered in ${(performance.now() - started).toFixed(0)} ms`);
    const pdf = await getAssignmentPdf(head.actor, head.assignment.id);
    if (!report || !pdf) throw new Error("no report");
    expect(report.fileName).toBe(pdf.fileName.replace(/\.pdf$/, "-bao-cao-xac-minh.pdf"));
    const dir = await onDisk(report.bytes, pdf.bytes);

    const qpdf = await run("qpdf", ["--check", path.join(dir, "report.pdf")]);
    expect(qpdf.code).toBe(0);
    expect(qpdf.output).toContain("No syntax or stream encoding errors found");
    const sha = (await run("sha256sum", [path.join(dir, "document.pdf")])).output.split(" ")[0]!;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const text = (await run("pdftotext", ["-layout", path.join(dir, "report.pdf"), "-"])).output;
    console.log(text);
    expect(text).toContain("BÁO CÁO XÁC MINH CHỮ KÝ SỐ");
    // A digest may wrap; compared with whitespace removed.
    expect(text.replace(/\s+/g, "")).toContain(sha);
    const signer = await prisma.userCertificate.findFirstOrThrow({ where: { userId: head.actor.id }, select: { subject: true, serialHex: true, sha256Fingerprint: true } });
    const commonName = /CN=([^,]+)/.exec(signer.subject)![1]!;
    expect(commonName).toMatch(/[^\x00-\x7f]/); // the test means something only with diacritics in the name
    expect(text).toContain(`Chữ ký 1: ${commonName}`);
    expect(text.replace(/\s+/g, "")).toContain(signer.sha256Fingerprint.replace(/\s+/g, ""));
    expect(text.replace(/\s+/g, "")).toContain(signer.serialHex);
    expect(text).toContain("Đã ký"); // ASSIGNMENT_SIGNED's label
    expect(text).toContain("Chuỗi nhật ký");
    expect(text).toMatch(/Trang 1\/\d/);

    const audited = await prisma.auditEvent.findFirst({ where: { assignmentId: head.assignment.id, type: "DOCUMENT_DOWNLOADED" }, orderBy: { id: "desc" } });
    expect(audited?.data).toMatchObject({ kind: "VALIDATION_REPORT", sha256: sha });
  });

  it("another unit's head gets nothing; auditor, admin and chairperson get the report", async () => {
    const [signed, other] = campaign.heads;
    expect(await getValidationReport(other!.actor, signed!.assignment.id)).toBeNull();
    expect(await getValidationReport(null, signed!.assignment.id)).toBeNull();
    for (const role of ["AUDITOR", "ADMIN", "CHAIRPERSON"] as const) {
      const report = await getValidationReport(await createActor(role), signed!.assignment.id);
      expect(report?.bytes.byteLength).toBeGreaterThan(1000);
    }
  });

  it("GET /api/v1/assignments/{id}/validation-report: 401 without a token, the PDF with an auditor's, 404 for an unknown id", async () => {
    const id = campaign.heads[0]!.assignment.id;
    const request = (token?: string) => new Request(`http://localhost/api/v1/assignments/${id}/validation-report`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const params = (value: string) => ({ params: Promise.resolve({ id: value }) });
    expect((await validationReportRoute(request(), params(id))).status).toBe(401);
    const auditor = await createActor("AUDITOR");
    const { token } = await createApiToken(auditor, { name: "Báo cáo" });
    const response = await validationReportRoute(request(token!), params(id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="cam-ket-[a-z0-9-]+-bao-cao-xac-minh\.pdf"$/);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await validationReportRoute(request(token!), params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    const audited = await prisma.auditEvent.findFirst({ where: { assignmentId: id, type: "DOCUMENT_DOWNLOADED", actorId: auditor.id } });
    expect(audited?.data).toMatchObject({ kind: "VALIDATION_REPORT" });
  });
});

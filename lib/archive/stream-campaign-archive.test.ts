import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { auditEventHash } from "@/lib/audit/record-audit-event";
import type { AuditEventType } from "@/lib/audit/audit-types";
import { signAssignment } from "@/lib/signatures/sign-assignment";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { createTrustingNssDb, run, runPdfsig, tempDir } from "@/lib/signing/testing/external-tools";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { streamCampaignArchive } from "./stream-campaign-archive";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
type Campaign = Awaited<ReturnType<typeof launchTestCampaign>>;
let campaign: Campaign;

beforeAll(async () => {
  campaign = await launchTestCampaign(3);
  const [completed, signed] = campaign.heads;
  for (const head of [completed!, signed!]) {
    const result = await signAssignment(head.actor, {
      assignmentId: head.assignment.id,
      reviewedSha256: head.assignment.documentSha256,
      password: head.password,
      signatureImage: png,
    });
    if (!result.ok) throw new Error(result.message);
  }
  const chair = await createActor("CHAIRPERSON");
  const start = await startCountersigning(chair, "MatKhau@123");
  const countersigned = await countersignAssignment(chair, { assignmentId: completed!.assignment.id, grant: start.grant, signatureImage: png });
  if (!countersigned.ok) throw new Error(countersigned.message);
});

async function exportAndUnzip(actorRole: "AUDITOR" | "CHAIRPERSON" | "ADMIN" = "AUDITOR") {
  const auditor = await createActor(actorRole);
  const archive = await streamCampaignArchive(auditor, campaign.campaignId, { actorId: auditor.id, actorEmail: auditor.email });
  if (!archive) throw new Error("no archive");
  const zip = Buffer.from(await new Response(archive.stream).arrayBuffer());
  // Announced before the first byte (X-Archive-Bytes): the page's progress bar and its truncation check rely on it.
  expect(zip.byteLength).toBe(archive.size);
  const dir = await tempDir("camket-archive-");
  await writeFile(path.join(dir, "archive.zip"), zip);
  const unzip = await run("unzip", ["-q", path.join(dir, "archive.zip"), "-d", path.join(dir, "x")]);
  expect(unzip).toMatchObject({ code: 0 });
  return { auditor, archive, dir: path.join(dir, "x") };
}

describe("campaign archive", () => {
  it("unzips; sha256sum -c passes; every signed PDF passes pdfsig with the bundled CA; the openssl recipe works", async () => {
    const { dir, archive } = await exportAndUnzip();
    expect(archive.fileName).toMatch(/^luu-tru-chien-dich-thu-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    expect((await readdir(dir)).sort()).toEqual(["HUONG-DAN-KIEM-TRA.txt", "SHA256SUMS", "audit-log.jsonl", "bao-cao", "city-ca.pem", "manifest.json", "pdf", "so-van-ban-di.csv"]);
    const pdfs = (await readdir(path.join(dir, "pdf"))).sort();
    expect(pdfs).toHaveLength(3 + 2 + 1);
    expect(pdfs.every((name) => /^[a-z0-9.-]+$/.test(name))).toBe(true);

    const sums = await run("bash", ["-c", `cd '${dir}' && LC_ALL=C sha256sum -c SHA256SUMS`]);
    expect(sums.code).toBe(0);
    // The two signed units' validation reports, next to their current PDFs and summed like them.
    const reports = (await readdir(path.join(dir, "bao-cao"))).sort();
    expect(reports).toEqual(pdfs.filter((n) => /-da-(ky|xac-nhan)\.pdf$/.test(n) && !(n.endsWith("-da-ky.pdf") && pdfs.includes(n.replace("-da-ky.pdf", "-da-xac-nhan.pdf")))).map((n) => n.replace(/\.pdf$/, "-bao-cao-xac-minh.pdf")).sort());
    expect(reports).toHaveLength(2);
    for (const name of reports) expect(sums.output).toContain(`bao-cao/${name}: OK`);
    const reportText = (await run("pdftotext", [path.join(dir, "bao-cao", reports[0]!), "-"])).output;
    expect(reportText).toContain("BÁO CÁO XÁC MINH CHỮ KÝ SỐ");
    expect(sums.output.trim().split("\n")).toHaveLength(6 + pdfs.length - 1 + reports.length);
    expect(sums.output).not.toMatch(/FAILED/);
    console.log(sums.output);

    expect(await readFile(path.join(dir, "city-ca.pem"), "utf8")).toBe((await getCityCa()).certPem);
    const nss = await createTrustingNssDb(await readFile(path.join(dir, "city-ca.pem"), "utf8"));
    for (const name of pdfs.filter((n) => !n.endsWith("-ban-goc.pdf"))) {
      const report = await runPdfsig(path.join(dir, "pdf", name), nss);
      // A countersigned file ends with its document timestamp (B-LTA), which pdfsig 22.12 lists but cannot check.
      expect(report.signatures.map((s) => s.documentTimestamp)).toEqual(name.endsWith("-da-xac-nhan.pdf") ? [false, false, true] : [false]);
      for (const s of report.signatures.filter((signature) => !signature.documentTimestamp)) {
        expect([s.validation, s.certificateValidation]).toEqual(["Signature is Valid.", "Certificate is Trusted."]);
        console.log(`${name}: ${s.commonName} — ${s.validation} ${s.certificateValidation}`);
      }
    }

    // Step 4 of HUONG-DAN-KIEM-TRA.txt, run as written: the chairperson's signature (N=2) with openssl cms, the
    // document timestamp (N=3) with openssl ts.
    const guide = await readFile(path.join(dir, "HUONG-DAN-KIEM-TRA.txt"), "utf8");
    const extract = guide.slice(guide.indexOf("     F=pdf/TEP.pdf"), guide.indexOf("   Với một chữ ký:"));
    const command = (from: string) => guide.slice(guide.indexOf(from), guide.indexOf("   Kết quả đúng", guide.indexOf(from)));
    const file = pdfs.find((n) => n.endsWith("-da-xac-nhan.pdf"))!;
    const recipe = (n: number, check: string) => `cd '${dir}' && set -e\n${extract.replace("TEP.pdf", file).replace("N=2", `N=${n}`)}${check}`;
    const openssl = await run("bash", ["-c", recipe(2, command("     openssl cms -verify"))]);
    expect(openssl.output).toContain("CMS Verification successful");
    const stamp = await run("bash", ["-c", recipe(3, command("     openssl ts -verify"))]);
    expect(stamp.output).toContain("Verification: OK");
  });

  it("the manifest matches the database and the audit log's hashes recompute, including the export event", async () => {
    const { dir, auditor } = await exportAndUnzip("CHAIRPERSON");
    const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8"));
    const dbCampaign = await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.campaignId }, include: { templateVersion: true } });
    expect(manifest.campaign).toMatchObject({ id: dbCampaign.id, name: dbCampaign.name, status: "LAUNCHED" });
    expect(manifest.template).toEqual({ version: dbCampaign.templateVersion.version, contentSha256: dbCampaign.templateVersion.contentHash, publishedAt: dbCampaign.templateVersion.publishedAt!.toISOString() });
    expect(manifest.exportedBy).toBe(auditor.email);
    expect(manifest.cityCa.sha256Fingerprint).toBe((await getCityCa()).sha256Fingerprint);
    const sums = await readFile(path.join(dir, "SHA256SUMS"), "utf8");
    for (const head of campaign.heads) {
      const row = await prisma.assignment.findUniqueOrThrow({ where: { id: head.assignment.id }, include: { documents: { orderBy: { createdAt: "asc" } } } });
      const entry = manifest.units.find((u: { assignmentId: string }) => u.assignmentId === row.id);
      expect(entry).toMatchObject({ unit: head.unit.name, kind: "WARD", kindLabel: "Phường", head: row.headName, status: row.status, currentSha256: row.documentSha256 });
      expect(entry.signedAt).toBe(row.signedAt?.toISOString() ?? null);
      expect(entry.versions.map((v: { kind: string; sha256: string }) => [v.kind, v.sha256])).toEqual(row.documents.map((d) => [d.kind, d.sha256]));
      for (const v of entry.versions) expect(sums).toContain(`${v.sha256}  ${v.file}`);
      if (entry.validationReport) expect(sums).toContain(`${entry.validationReport.sha256}  ${entry.validationReport.file}`);
      expect(entry.validationReport === null).toBe(row.signedAt === null);
    }
    expect(manifest.units.map((u: { statusLabel: string }) => u.statusLabel).sort()).toEqual(["Chưa xem", "Đã ký", "Đã xác nhận"]);

    const lines = (await readFile(path.join(dir, "audit-log.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((e) => e.type)).toEqual(expect.arrayContaining(["CAMPAIGN_LAUNCHED", "ASSIGNMENT_SIGNED", "ASSIGNMENT_COUNTERSIGNED", "ARCHIVE_EXPORTED"]));
    expect(lines.at(-1)).toMatchObject({ type: "ARCHIVE_EXPORTED", actorEmail: auditor.email, label: "Xuất bộ lưu trữ" });
    for (const e of lines) {
      expect(auditEventHash(e.prevHash, { ...e, at: new Date(e.at), type: e.type as AuditEventType })).toBe(e.hash);
    }
  });

  it("unit heads, unknown and draft campaigns get nothing", async () => {
    expect(await streamCampaignArchive(campaign.heads[0]!.actor, campaign.campaignId)).toBeNull();
    expect(await streamCampaignArchive(null, campaign.campaignId)).toBeNull();
    const auditor = await createActor("AUDITOR");
    expect(await streamCampaignArchive(auditor, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await streamCampaignArchive(auditor, "not-an-id")).toBeNull();
  });
});

import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkAuditChain } from "@/lib/audit/verify-audit-chain";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { buildCrl } from "@/lib/revocation/build-crl";
import { ocspResponseForCertificate } from "@/lib/revocation/ocsp-response-for-certificate";
import { sha256Hex } from "@/lib/storage/file-store";
import { ocspResponderOf, ocspResponse } from "@/lib/trust/testing/trust-fixtures";
import { cityCaAsTestCa, ocspRequestFor, signedByCityCa, withDss } from "@/lib/verification/testing/validation-data-fixtures";
import { buildValidationReport, type ReportSubject } from "./build-validation-report";

const DAY = 86_400_000;
const chain = { ok: true, checked: 0, message: "" } as const;

async function subjectFor(bytes: Uint8Array): Promise<ReportSubject> {
  const [head] = (await launchTestCampaign(1)).heads;
  return { assignmentId: head!.assignment.id, campaignName: "Đợt 1", unitName: "Phường Thử", outgoing: null, document: { bytes, sha256: sha256Hex(bytes), fileName: "cam-ket.pdf", kind: "SIGNED" } };
}

// Issue 15, bad input: validation data the verifier rejects in a document camket stores is recorded.
describe("VALIDATION_DATA_REJECTED", () => {
  it("a stored version with an unauthorised OCSP response and an expired CRL is audited once, with each reason, however many reports are made", async () => {
    const { ca, person, pdf, tsaCertDer } = await signedByCityCa();
    const forged = await ocspResponse(await ocspRequestFor(person.certDer, ca.certDer), await ocspResponderOf(await cityCaAsTestCa(ca), false), "good", true);
    const tsaGood = (await ocspResponseForCertificate(tsaCertDer, new Date(), { status: "good" }))!;
    const expired = await buildCrl(ca, [], new Date(Date.now() - 3 * DAY));
    const subject = await subjectFor(withDss(pdf, { certs: [person.certDer, ca.certDer], ocsps: [forged, tsaGood], crls: [expired] }));
    const auditor = await createActor("AUDITOR");

    // Two at once (a page and its download), then once more: still one event.
    await Promise.all([buildValidationReport(auditor, subject, chain), buildValidationReport(auditor, subject, chain)]);
    await buildValidationReport(auditor, subject, chain);
    const events = await prisma.auditEvent.findMany({ where: { assignmentId: subject.assignmentId, type: "VALIDATION_DATA_REJECTED" } });
    expect(events).toHaveLength(1);
    const { unitId, campaignId } = await prisma.assignment.findUniqueOrThrow({ where: { id: subject.assignmentId } });
    expect(events[0]).toMatchObject({ actorId: auditor.id, actorEmail: auditor.email, unitId, campaignId });
    const data = events[0]!.data as { sha256: string; rejected: { kind: string; reason: string; certificate: string | null; signature: string | null; message: string }[] };
    expect(data.sha256).toBe(subject.document.sha256);
    expect(data.rejected.map((r) => [r.kind, r.reason, r.certificate])).toEqual([
      ["ocsp", "unauthorisedSigner", "signer"],
      ["crl", "expired", "signer"],
      ["crl", "expired", "timestamp"],
    ]);
    expect(data.rejected[0]).toMatchObject({ signature: "Lê Văn Tám", message: expect.stringContaining("khóa mà tổ chức cấp chứng thư không ủy quyền") });
    expect(data.rejected[1]!.message).toContain("đã hết hạn");
    expect((await checkAuditChain(prisma, null)).ok).toBe(true);
  });

  it("a stored version whose validation data all counts records nothing", async () => {
    const { ca, person, pdf } = await signedByCityCa();
    const subject = await subjectFor(withDss(pdf, { certs: [person.certDer, ca.certDer], crls: [await buildCrl(ca, [], new Date())] }));
    await buildValidationReport(await createActor("AUDITOR"), subject, chain);
    expect(await prisma.auditEvent.count({ where: { assignmentId: subject.assignmentId, type: "VALIDATION_DATA_REJECTED" } })).toBe(0);
  });
});

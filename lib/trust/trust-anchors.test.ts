import "reflect-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import * as x509 from "@peculiar/x509";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { createActor } from "@/lib/test/factories";
import { createTestCa, fingerprintOf, issueTestKeyAndCertificate } from "@/lib/signing/testing/external-test-ca";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { vi as viMessages } from "@/lib/i18n/messages/vi";
import { addTrustAnchor } from "./add-trust-anchor";
import { setTrustAnchorEnabled } from "./set-trust-anchor-enabled";
import { listTrustAnchors } from "./list-trust-anchors";
import { ensureCityCaAnchor } from "./ensure-city-ca-anchor";
import { formatFingerprint } from "./certificates";

const DAY = 86_400_000;
const FORBIDDEN = viMessages.common.form.forbidden;

async function snapshot() {
  const [anchors, events] = await Promise.all([
    prisma.$queryRawUnsafe<{ d: string }[]>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "TrustAnchor" t`),
    prisma.auditEvent.count(),
  ]);
  return `${anchors[0]!.d}/${events}`;
}

describe("trust list", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await createActor("ADMIN");
  });

  it("adds a root from PEM, audited with who and which certificate", async () => {
    const ca = await createTestCa("Upload PEM Root");
    const result = await addTrustAnchor(admin, ca.certPem, { actorId: admin.id, actorEmail: admin.email });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("Upload PEM Root") });
    const row = await prisma.trustAnchor.findUniqueOrThrow({ where: { sha256Fingerprint: fingerprintOf(ca.certDer) } });
    expect(row).toMatchObject({ subject: ca.subject, enabled: true, isCityCa: false, createdById: admin.id });
    expect(Buffer.from(row.certDer).equals(Buffer.from(ca.certDer))).toBe(true);
    const event = await prisma.auditEvent.findFirst({ where: { actorId: admin.id, type: "ADMIN_CHANGE" }, orderBy: { at: "desc" } });
    expect(event?.data).toMatchObject({ action: "add-trust-anchor", anchors: [{ id: row.id, subject: ca.subject, sha256Fingerprint: row.sha256Fingerprint }] });
  });

  it("adds from DER bytes, and several PEM blocks at once (root and intermediate)", async () => {
    const der = await createTestCa("Upload DER Root");
    expect(await addTrustAnchor(admin, der.certDer)).toMatchObject({ ok: true });
    const root = await createTestCa("Upload Chain Root");
    const intermediate = await createTestCa("Upload Chain Intermediate", root);
    const both = await addTrustAnchor(admin, new Uint8Array(Buffer.from(`${root.certPem}\n${intermediate.certPem}`)));
    expect(both).toMatchObject({ ok: true });
    expect(both.ids).toHaveLength(2);
    expect(await prisma.trustAnchor.count({ where: { sha256Fingerprint: { in: [der, root, intermediate].map((c) => fingerprintOf(c.certDer)) } } })).toBe(3);
  });

  it("refuses garbage, empty input, a duplicate, a non-CA leaf, an expired CA and an oversized file — each with its own message, nothing stored", async () => {
    const ca = await createTestCa("Duplicate Root");
    expect(await addTrustAnchor(admin, ca.certPem)).toMatchObject({ ok: true });
    const leaf = await issueTestKeyAndCertificate(ca, { commonName: "Lá không phải CA" });
    const expiredCa = await createTestCa("Expired Root", undefined, new Date(Date.now() - 3651 * DAY));
    const t = viMessages.admin.trustList;
    const before = await snapshot();
    expect(await addTrustAnchor(admin, new Uint8Array([1, 2, 3, 4]))).toEqual({ ok: false, message: t.garbage });
    expect(await addTrustAnchor(admin, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toEqual({ ok: false, message: t.garbage });
    expect(await addTrustAnchor(admin, "   ")).toEqual({ ok: false, message: t.noInput });
    expect(await addTrustAnchor(admin, ca.certDer)).toEqual({ ok: false, message: `“${ca.subject}” đã có trong danh sách tin cậy.` });
    expect(await addTrustAnchor(admin, leaf.certDer)).toMatchObject({ ok: false, message: expect.stringContaining("không phải chứng thư CA") });
    expect(await addTrustAnchor(admin, expiredCa.certDer)).toMatchObject({ ok: false, message: expect.stringContaining("đã hết hiệu lực") });
    expect(await addTrustAnchor(admin, new Uint8Array(21 * 1024).fill(0x30))).toEqual({ ok: false, message: t.tooLarge });
    // One bad block spoils the whole upload.
    const fresh = await createTestCa("Fresh Root");
    const leafPem = new x509.X509Certificate(new Uint8Array(leaf.certDer)).toString("pem");
    expect(await addTrustAnchor(admin, `${fresh.certPem}\n${leafPem}`)).toMatchObject({ ok: false, message: expect.stringContaining("không phải chứng thư CA") });
    expect(await snapshot()).toBe(before);
  });

  it("a non-admin is forbidden from adding and from enabling/disabling, and nothing changes", async () => {
    const ca = await createTestCa("Forbidden Root");
    const anchor = await addTrustAnchor(admin, ca.certPem);
    const before = await snapshot();
    for (const role of ["CHAIRPERSON", "UNIT_HEAD", "AUDITOR"] as const) {
      const actor = await createActor(role);
      const [other] = [await createTestCa(`Forbidden ${role}`)];
      expect(await addTrustAnchor(actor, other.certPem)).toEqual({ ok: false, message: FORBIDDEN });
      expect(await setTrustAnchorEnabled(actor, anchor.ids![0], false)).toEqual({ ok: false, message: FORBIDDEN });
    }
    expect(await addTrustAnchor(null, ca.certPem)).toEqual({ ok: false, message: FORBIDDEN });
    expect(await snapshot()).toBe(before);
  });

  it("disables and re-enables an anchor, audited; an unknown id or a non-boolean is refused", async () => {
    const ca = await createTestCa("Toggle Root");
    const { ids } = await addTrustAnchor(admin, ca.certPem);
    const id = ids![0]!;
    expect(await setTrustAnchorEnabled(admin, id, false, { actorId: admin.id })).toMatchObject({ ok: true, message: expect.stringContaining("Đã tắt") });
    expect((await prisma.trustAnchor.findUniqueOrThrow({ where: { id } })).enabled).toBe(false);
    const event = await prisma.auditEvent.findFirst({ where: { actorId: admin.id }, orderBy: { at: "desc" } });
    expect(event?.data).toMatchObject({ action: "disable-trust-anchor", trustAnchorId: id });
    expect(await setTrustAnchorEnabled(admin, id, true)).toMatchObject({ ok: true });
    expect((await prisma.trustAnchor.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
    const before = await snapshot();
    expect(await setTrustAnchorEnabled(admin, "00000000-0000-4000-8000-000000000000", false)).toEqual({ ok: false, message: viMessages.admin.trustList.notFound });
    expect(await setTrustAnchorEnabled(admin, { id: 1 }, false)).toMatchObject({ ok: false });
    expect(await setTrustAnchorEnabled(admin, id, "false")).toMatchObject({ ok: false });
    expect(await snapshot()).toBe(before);
  });

  it("the city CA is listed exactly once, even when ensure runs concurrently, enabled and marked as the city's", async () => {
    await Promise.all([ensureCityCaAnchor(), ensureCityCaAnchor(), ensureCityCaAnchor(), listTrustAnchors(), listTrustAnchors()]);
    const city = await getCityCa();
    const rows = await prisma.trustAnchor.findMany({ where: { isCityCa: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sha256Fingerprint: city.sha256Fingerprint, enabled: true, subject: city.subject });
    const list = await listTrustAnchors();
    expect(list.filter((a) => a.isCityCa)).toHaveLength(1);
    expect(list[0]).toMatchObject({ isCityCa: true, fingerprintFormatted: formatFingerprint(city.sha256Fingerprint), issuer: city.subject, certificateCount: expect.any(Number) });
    expect(list[0]!.fingerprintFormatted).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it("a disabled city CA stays disabled when ensure runs again", async () => {
    const city = await prisma.trustAnchor.findFirstOrThrow({ where: { isCityCa: true } });
    await setTrustAnchorEnabled(admin, city.id, false);
    await ensureCityCaAnchor();
    expect((await prisma.trustAnchor.findUniqueOrThrow({ where: { id: city.id } })).enabled).toBe(false);
    await setTrustAnchorEnabled(admin, city.id, true);
  });
});

import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as x509 from "@peculiar/x509";
import { prisma } from "@/lib/db/client";
import { createTestCa, createTestCrl, issueTestKeyAndCertificate, serialOf, fingerprintOf, type TestCa } from "@/lib/signing/testing/external-test-ca";
import { addAnchorRow, leafWithOcsp, leafWithoutKeyUsage, newKeys, ocspResponderOf, ocspResponse, rawCa, startFileServer } from "./testing/trust-fixtures";
import { validateSigningCertificate } from "./validate-signing-certificate";
import { clearCrlCache } from "./check-crl-revocation";

const DAY = 86_400_000;
const now = () => new Date();

describe("validateSigningCertificate", () => {
  let root: TestCa;
  let intermediate: TestCa;
  let rootAnchorId: string;
  let crlServer: Awaited<ReturnType<typeof startFileServer>>;
  const savedMode = process.env.CAMKET_REVOCATION_CHECK;

  beforeAll(async () => {
    root = await createTestCa("Trust Root");
    intermediate = await createTestCa("Trust Intermediate", root);
    rootAnchorId = (await addAnchorRow(root)).id;
    crlServer = await startFileServer();
  });
  afterAll(async () => {
    await crlServer.close();
  });
  afterEach(() => {
    if (savedMode === undefined) delete process.env.CAMKET_REVOCATION_CHECK;
    else process.env.CAMKET_REVOCATION_CHECK = savedMode;
    clearCrlCache();
  });

  it("accepts a leaf issued by an enabled root: chain is the root, anchor and details reported, revocation unchecked with a note", async () => {
    const { certDer } = await issueTestKeyAndCertificate(root, { commonName: "Nguyễn Văn A" });
    const result = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() });
    expect(result).toMatchObject({ ok: true, trustAnchorId: rootAnchorId, serialHex: serialOf(certDer).replace(/^0+/, ""), sha256Fingerprint: fingerprintOf(certDer), revocation: "UNCHECKED" });
    if (!result.ok) throw new Error(result.message);
    expect(result.subject).toContain("Nguyễn Văn A");
    expect(result.issuerSubject).toBe(root.subject);
    expect(result.chainDer.map((d) => Buffer.from(d).toString("hex"))).toEqual([Buffer.from(root.certDer).toString("hex")]);
    expect(result.revocationNote).toMatch(/^Không kiểm tra được tình trạng thu hồi \(.+\)\.$/);
  });

  it("accepts a leaf through an intermediate offered in the chain; the chain runs intermediate then root", async () => {
    const { certDer } = await issueTestKeyAndCertificate(intermediate, { commonName: "Qua CA trung gian" });
    const result = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [intermediate.certDer, root.certDer], now: now() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.trustAnchorId).toBe(rootAnchorId);
    expect(result.chainDer.map((d) => fingerprintOf(d))).toEqual([fingerprintOf(intermediate.certDer), fingerprintOf(root.certDer)]);
  });

  it("refuses as UNTRUSTED when the intermediate is missing", async () => {
    const { certDer } = await issueTestKeyAndCertificate(intermediate, { commonName: "Thiếu trung gian" });
    const result = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() });
    expect(result).toMatchObject({ ok: false, code: "UNTRUSTED" });
    if (!result.ok) expect(result.message).toContain("không dẫn tới CA nào đang được tin cậy");
  });

  it("refuses as UNTRUSTED when the only anchor is disabled, and accepts again once it is enabled", async () => {
    const otherRoot = await createTestCa("Disabled Root");
    const anchor = await addAnchorRow(otherRoot, false);
    const { certDer } = await issueTestKeyAndCertificate(otherRoot, { commonName: "Dưới CA bị tắt" });
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [otherRoot.certDer], now: now() })).toMatchObject({ ok: false, code: "UNTRUSTED" });
    await prisma.trustAnchor.update({ where: { id: anchor.id }, data: { enabled: true } });
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() })).toMatchObject({ ok: true, trustAnchorId: anchor.id });
  });

  it("refuses a certificate under a CA that is not on the list, even when that CA is offered", async () => {
    const stranger = await createTestCa("Stranger Root");
    const { certDer } = await issueTestKeyAndCertificate(stranger, { commonName: "Người lạ" });
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [stranger.certDer], now: now() })).toMatchObject({ ok: false, code: "UNTRUSTED" });
  });

  it("refuses an expired certificate and one not valid yet, with the date", async () => {
    const expired = await issueTestKeyAndCertificate(root, { commonName: "Hết hạn", notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 2 * DAY) });
    const future = await issueTestKeyAndCertificate(root, { commonName: "Chưa hiệu lực", notBefore: new Date(Date.now() + 3 * DAY), notAfter: new Date(Date.now() + 400 * DAY) });
    const a = await validateSigningCertificate({ certificateDer: expired.certDer, offeredChainDer: [], now: now() });
    const b = await validateSigningCertificate({ certificateDer: future.certDer, offeredChainDer: [], now: now() });
    expect(a).toMatchObject({ ok: false, code: "EXPIRED", message: expect.stringMatching(/^Chứng thư đã hết hiệu lực từ \d\d\/\d\d\/\d{4}\.$/) });
    expect(b).toMatchObject({ ok: false, code: "NOT_YET_VALID", message: expect.stringMatching(/^Chứng thư chưa có hiệu lực: bắt đầu từ \d\d\/\d\d\/\d{4}\.$/) });
    // The same certificate is fine at a time inside its validity.
    expect(await validateSigningCertificate({ certificateDer: future.certDer, offeredChainDer: [], now: new Date(Date.now() + 10 * DAY) })).toMatchObject({ ok: true });
  });

  it("refuses KEY_USAGE for keyCertSign only and for a certificate with no key usage; accepts nonRepudiation alone", async () => {
    const certSign = await issueTestKeyAndCertificate(root, { commonName: "Chỉ ký chứng thư", keyUsage: x509.KeyUsageFlags.keyCertSign });
    const none = await leafWithoutKeyUsage(root);
    const nonRepudiation = await issueTestKeyAndCertificate(root, { commonName: "Chống chối bỏ", keyUsage: x509.KeyUsageFlags.nonRepudiation });
    expect(await validateSigningCertificate({ certificateDer: certSign.certDer, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "KEY_USAGE" });
    expect(await validateSigningCertificate({ certificateDer: none, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "KEY_USAGE" });
    expect(await validateSigningCertificate({ certificateDer: nonRepudiation.certDer, offeredChainDer: [], now: now() })).toMatchObject({ ok: true });
  });

  it("refuses garbage as MALFORMED, in the certificate and in the offered chain, and oversized input", async () => {
    const { certDer } = await issueTestKeyAndCertificate(root, { commonName: "Hợp lệ" });
    const garbage = new Uint8Array([0x30, 0x82, 0x01, 0x00, 1, 2, 3]);
    expect(await validateSigningCertificate({ certificateDer: garbage, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "MALFORMED" });
    expect(await validateSigningCertificate({ certificateDer: new Uint8Array(0), offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "MALFORMED" });
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [garbage], now: now() })).toMatchObject({ ok: false, code: "MALFORMED" });
    expect(await validateSigningCertificate({ certificateDer: new Uint8Array(21 * 1024), offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "MALFORMED", message: expect.stringContaining("20 KB") });
  });

  it("cuts a loop of two CAs cross-signing each other quickly, with a clear message", async () => {
    const [keysA, keysB] = [await newKeys(), await newKeys()];
    const selfA = await rawCa("Loop A", keysA);
    const selfB = await rawCa("Loop B", keysB);
    const aByB = await rawCa("Loop A", keysA, selfB);
    const bByA = await rawCa("Loop B", keysB, selfA);
    const { certDer } = await issueTestKeyAndCertificate(aByB, { commonName: "Trong vòng lặp" });
    const started = Date.now();
    const result = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [aByB.certDer, bByA.certDer], now: now() });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, code: "UNTRUSTED", message: expect.stringContaining("lặp vòng") });
  });

  it("refuses 50 offered links at once, and a chain deeper than 8 issuers, as CHAIN_TOO_LONG", async () => {
    const deepRoot = await rawCa("Deep Root", await newKeys());
    await addAnchorRow(deepRoot);
    const links: TestCa[] = [];
    let parent = deepRoot;
    for (let i = 0; i < 50; i++) {
      parent = await rawCa(`Deep ${i}`, await newKeys(), parent);
      links.push(parent);
    }
    const { certDer } = await issueTestKeyAndCertificate(links[49]!, { commonName: "Cuối chuỗi 50" });
    const started = Date.now();
    const fifty = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: links.map((l) => l.certDer).reverse(), now: now() });
    expect(fifty).toMatchObject({ ok: false, code: "CHAIN_TOO_LONG", message: expect.stringContaining("tối đa 10") });
    expect(Date.now() - started).toBeLessThan(2_000);

    // Nine intermediates under the root: ten issuers, more than eight.
    const nine = links.slice(0, 9);
    const deepLeaf = await issueTestKeyAndCertificate(nine[8]!, { commonName: "Sâu 9" });
    expect(await validateSigningCertificate({ certificateDer: deepLeaf.certDer, offeredChainDer: nine.map((l) => l.certDer), now: now() })).toMatchObject({ ok: false, code: "CHAIN_TOO_LONG" });
    // Seven intermediates (eight issuers with the root) is still fine.
    const seven = links.slice(0, 7);
    const okLeaf = await issueTestKeyAndCertificate(seven[6]!, { commonName: "Sâu 7" });
    const ok = await validateSigningCertificate({ certificateDer: okLeaf.certDer, offeredChainDer: [...seven.map((l) => l.certDer)].reverse(), now: now() });
    expect(ok).toMatchObject({ ok: true });
    if (ok.ok) expect(ok.chainDer).toHaveLength(8);
  });

  it("refuses a leaf whose intermediate is not a CA certificate", async () => {
    const notCa = await issueTestKeyAndCertificate(root, { commonName: "Không phải CA", isCa: false, keyUsage: x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.digitalSignature });
    const fakeIssuer: TestCa = { ...root, certDer: notCa.certDer, cert: new x509.X509Certificate(new Uint8Array(notCa.certDer)), keys: notCa.keys, subject: new x509.X509Certificate(new Uint8Array(notCa.certDer)).subject };
    const { certDer } = await issueTestKeyAndCertificate(fakeIssuer, { commonName: "Cấp bởi lá" });
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [notCa.certDer], now: now() })).toMatchObject({ ok: false, code: "UNTRUSTED" });
  });

  it("REVOKED when the CRL the certificate names lists its serial; GOOD when it does not; the CRL is cached", async () => {
    const revoked = await issueTestKeyAndCertificate(root, { commonName: "Bị thu hồi", crlUrl: crlServer.url("/root-1.crl") });
    const good = await issueTestKeyAndCertificate(root, { commonName: "Còn tốt", crlUrl: crlServer.url("/root-1.crl") });
    const crl = await createTestCrl(root, [serialOf(revoked.certDer)]);
    crlServer.serve("/root-1.crl", crl);
    const r = await validateSigningCertificate({ certificateDer: revoked.certDer, offeredChainDer: [], now: now() });
    expect(r).toMatchObject({ ok: false, code: "REVOKED", message: expect.stringMatching(/^Chứng thư đã bị thu hồi từ \d\d\/\d\d\/\d{4}\.$/) });
    const g = await validateSigningCertificate({ certificateDer: good.certDer, offeredChainDer: [], now: now() });
    expect(g).toMatchObject({ ok: true, revocation: "GOOD" });
    if (g.ok) expect(g.revocationNote).toBeUndefined();
    // The CRL that answered is kept, to be embedded after the signature (B-LT).
    if (g.ok) expect(g.validationData).toEqual({ ocsps: [], crls: [crl] });
    expect(crlServer.hits("/root-1.crl")).toBe(1);
  });

  it("REVOKED through an intermediate's CRL too", async () => {
    const leaf = await issueTestKeyAndCertificate(intermediate, { commonName: "Thu hồi trung gian", crlUrl: crlServer.url("/inter.crl") });
    crlServer.serve("/inter.crl", await createTestCrl(intermediate, [serialOf(leaf.certDer)]));
    expect(await validateSigningCertificate({ certificateDer: leaf.certDer, offeredChainDer: [intermediate.certDer], now: now() })).toMatchObject({ ok: false, code: "REVOKED" });
  });

  it("REVOKED when the intermediate CA itself is on its root's CRL", async () => {
    const revokedCa = await rawCa("Revoked Intermediate", await newKeys(), root, { crlUrl: crlServer.url("/root-cas.crl") });
    crlServer.serve("/root-cas.crl", await createTestCrl(root, [serialOf(revokedCa.certDer)]));
    const { certDer } = await issueTestKeyAndCertificate(revokedCa, { commonName: "Dưới CA bị thu hồi" });
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [revokedCa.certDer], now: now() })).toMatchObject({
      ok: false,
      code: "REVOKED",
      message: expect.stringContaining(`CA cấp chứng thư “${revokedCa.subject}” đã bị thu hồi`),
    });
  });

  it("CRL server down: soft (default) accepts as UNCHECKED with a note naming the URL; hard refuses REVOCATION_UNKNOWN", async () => {
    const { certDer } = await issueTestKeyAndCertificate(root, { commonName: "Máy chủ CRL tắt", crlUrl: "http://127.0.0.1:1/down.crl" });
    delete process.env.CAMKET_REVOCATION_CHECK;
    const soft = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() });
    expect(soft).toMatchObject({ ok: true, revocation: "UNCHECKED", revocationNote: "Không kiểm tra được tình trạng thu hồi (không tải được CRL từ http://127.0.0.1:1/down.crl)." });
    process.env.CAMKET_REVOCATION_CHECK = "hard";
    const hard = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now(), locale: "en" });
    expect(hard).toMatchObject({ ok: false, code: "REVOCATION_UNKNOWN", message: expect.stringContaining("could not download the CRL from http://127.0.0.1:1/down.crl") });
  });

  it("hard mode also refuses a certificate that names no CRL", async () => {
    process.env.CAMKET_REVOCATION_CHECK = "hard";
    const { certDer } = await issueTestKeyAndCertificate(root, { commonName: "Không CRL" });
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "REVOCATION_UNKNOWN" });
  });

  it("a CRL signed by another key (same CA name) is no proof: not REVOKED, UNCHECKED in soft mode, refused in hard", async () => {
    const impostor = await createTestCa("Trust Root");
    expect(impostor.subject).toBe(root.subject);
    const { certDer } = await issueTestKeyAndCertificate(root, { commonName: "CRL giả", crlUrl: crlServer.url("/forged.crl") });
    crlServer.serve("/forged.crl", await createTestCrl(impostor, [serialOf(certDer)]));
    const soft = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() });
    expect(soft).toMatchObject({ ok: true, revocation: "UNCHECKED", revocationNote: expect.stringContaining("không do CA cấp chứng thư ký") });
    process.env.CAMKET_REVOCATION_CHECK = "hard";
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "REVOCATION_UNKNOWN" });
  });

  it("an out-of-date CRL is not used", async () => {
    const { certDer } = await issueTestKeyAndCertificate(root, { commonName: "CRL cũ", crlUrl: crlServer.url("/stale.crl") });
    crlServer.serve("/stale.crl", await createTestCrl(root, [serialOf(certDer)], new Date(Date.now() - 30 * DAY)));
    expect(await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now() })).toMatchObject({ ok: true, revocation: "UNCHECKED", revocationNote: expect.stringContaining("quá hạn") });
  });

  it("words refusals in English when asked", async () => {
    const { certDer } = await issueTestKeyAndCertificate(intermediate, { commonName: "English" });
    const result = await validateSigningCertificate({ certificateDer: certDer, offeredChainDer: [], now: now(), locale: "en" });
    expect(result).toMatchObject({ ok: false, code: "UNTRUSTED", message: expect.stringContaining("does not chain to a trusted CA") });
  });
  describe("OCSP named in the certificate's AIA", () => {
    it("GOOD from the issuer's own answer; REVOKED when it says revoked", async () => {
      crlServer.respond("/ocsp-good", (req) => ocspResponse(req, root, "good"));
      crlServer.respond("/ocsp-revoked", (req) => ocspResponse(req, root, "revoked"));
      const good = await leafWithOcsp(root, crlServer.url("/ocsp-good"));
      const revoked = await leafWithOcsp(root, crlServer.url("/ocsp-revoked"));
      const accepted = await validateSigningCertificate({ certificateDer: good, offeredChainDer: [], now: now() });
      expect(accepted).toMatchObject({ ok: true, revocation: "GOOD", validationData: { ocsps: [expect.any(Uint8Array)], crls: [] } });
      expect(await validateSigningCertificate({ certificateDer: revoked, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "REVOKED" });
      expect(crlServer.hits("/ocsp-revoked")).toBe(1);
    });

    it("a delegated responder counts only with the OCSPSigning usage and issued by the same CA", async () => {
      const delegate = await ocspResponderOf(root);
      const noUsage = await ocspResponderOf(root, false);
      const foreign = await ocspResponderOf(await createTestCa("Foreign OCSP CA"));
      crlServer.respond("/ocsp-delegate", (req) => ocspResponse(req, delegate, "revoked", true));
      crlServer.respond("/ocsp-no-usage", (req) => ocspResponse(req, noUsage, "revoked", true));
      crlServer.respond("/ocsp-foreign", (req) => ocspResponse(req, foreign, "revoked", true));
      const viaDelegate = await leafWithOcsp(root, crlServer.url("/ocsp-delegate"));
      expect(await validateSigningCertificate({ certificateDer: viaDelegate, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "REVOKED" });
      for (const path of ["/ocsp-no-usage", "/ocsp-foreign"]) {
        const leaf = await leafWithOcsp(root, crlServer.url(path));
        expect(await validateSigningCertificate({ certificateDer: leaf, offeredChainDer: [], now: now() }), path).toMatchObject({
          ok: true,
          revocation: "UNCHECKED",
          revocationNote: expect.stringContaining(`máy chủ OCSP ${crlServer.url(path)}`),
        });
      }
    });

    it("an answer signed by another key with the CA's name is no proof; the CRL is used instead when named", async () => {
      const impostor = await createTestCa("Trust Root");
      crlServer.respond("/ocsp-forged", (req) => ocspResponse(req, impostor, "good"));
      const onlyOcsp = await leafWithOcsp(root, crlServer.url("/ocsp-forged"));
      expect(await validateSigningCertificate({ certificateDer: onlyOcsp, offeredChainDer: [], now: now() })).toMatchObject({ ok: true, revocation: "UNCHECKED" });
      process.env.CAMKET_REVOCATION_CHECK = "hard";
      expect(await validateSigningCertificate({ certificateDer: onlyOcsp, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "REVOCATION_UNKNOWN" });
      const withCrl = await leafWithOcsp(root, crlServer.url("/ocsp-forged"), crlServer.url("/fallback.crl"));
      crlServer.serve("/fallback.crl", await createTestCrl(root, [serialOf(withCrl)]));
      expect(await validateSigningCertificate({ certificateDer: withCrl, offeredChainDer: [], now: now() })).toMatchObject({ ok: false, code: "REVOKED" });
    });
  });
});

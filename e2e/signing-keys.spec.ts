import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";
import { createTestCa, issueTestKeyAndCertificate, type TestCa } from "@/lib/signing/testing/external-test-ca";
import { writeTestPkcs12File } from "@/lib/signing/testing/make-pkcs12";
import { createTrustingNssDb, runPdfsig } from "@/lib/signing/testing/external-tools";
import { createSoftHsmToken, generateEcKeyOnToken, privateKeyAttributes, storeCertificateOnToken } from "@/lib/signing/testing/softhsm-token";
import { issueTestCertificate } from "@/lib/signing/testing/external-test-ca";
import { createAgentServer } from "@/agent/http-server";
import { Pairing } from "@/agent/pairing";
import { Pkcs11Token } from "@/agent/pkcs11-token";
import { ACCOUNTS, signInAndLand, signOut } from "./support/accounts";
import { confirmReadToEnd, drawSignature } from "./support/signing";

// Keys the signer holds (issue 13). A test CA stands in for VGCA: the admin puts it on the trust list and gives
// each head the identifier their certificate carries, so registering binds it without an approval step.
const CAMPAIGN = "Cam kết CCHC giai đoạn 2016–2020";
const P12_PASSWORD = "Tep-p12-Bi-Mat-2026";
const dir = mkdtempSync(path.join(tmpdir(), "camket-e2e-keys-"));
let ca: TestCa;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  ca = await createTestCa("Test VGCA e2e");
  writeFileSync(path.join(dir, "ca.pem"), ca.certPem);
});

/** Everything the page sent: URL, headers and body of every request (what the issue's request log means). */
function recordRequests(page: Page): string[] {
  const log: string[] = [];
  const record = (request: Request) => log.push(`${request.method()} ${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ""}`);
  page.on("request", record);
  page.context().on("request", record);
  return log;
}

async function trustCaAndSetIdentifier(page: Page, headEmail: string, headName: string, identifier: string) {
  await signInAndLand(page, ACCOUNTS.admin, "/quan-tri");
  await page.goto("/quan-tri/tin-cay");
  if (!(await page.getByText("Test VGCA e2e").count())) {
    await page.getByLabel(/Tệp chứng thư/).setInputFiles(path.join(dir, "ca.pem"));
    await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã thêm 1 CA" })).toBeVisible();
  }
  await page.goto(`/quan-tri/nguoi-dung?q=${encodeURIComponent(headEmail)}`);
  await page.getByRole("link", { name: headName }).first().click();
  await page.getByLabel("Mã định danh trong chứng thư số").fill(identifier);
  await page.getByRole("button", { name: "Lưu cách ký" }).click();
  await expect(page.getByText("Đã lưu cách ký")).toBeVisible();
  await signOut(page);
}

async function openCommitmentToSign(page: Page, email: string) {
  await signInAndLand(page, email, "/cam-ket");
  await page.getByRole("link", { name: CAMPAIGN }).click();
  await confirmReadToEnd(page);
  await drawSignature(page);
}

async function expectTrustedSignature(page: Page) {
  const pdf = await page.request.get(`${page.url()}/pdf`);
  const file = path.join(dir, `signed-${Date.now()}.pdf`);
  writeFileSync(file, await pdf.body());
  const [signature] = (await runPdfsig(file, await createTrustingNssDb(ca.certPem))).signatures;
  expect([signature?.validation, signature?.certificateValidation]).toEqual(["Signature is Valid.", "Certificate is Trusted."]);
}

test("a head signs with a .p12 file chosen in the page; no password and no key material leaves the browser", async ({ page }) => {
  const head = "phuong-phu-hai@phanthiet.gov.vn";
  const { certDer, pkcs8 } = await issueTestKeyAndCertificate(ca, { commonName: "Trần Thị Bích Thủy", extraSubject: { UID: "CCCD:079190000001" } });
  const p12 = await writeTestPkcs12File(dir, { certDer, pkcs8, chain: [ca.certDer], password: P12_PASSWORD, fileName: "thuy.p12" });
  await trustCaAndSetIdentifier(page, head, "Trần Thị Bích Thủy", "079190000001");

  const requests = recordRequests(page);
  await openCommitmentToSign(page, head);
  await page.getByLabel("Tệp chứng thư số (.p12, .pfx)", { exact: true }).check();
  await page.getByLabel("Tệp chứng thư số (.p12, .pfx)").last().setInputFiles(p12);
  await page.getByLabel("Mật khẩu của tệp").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Mở tệp" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Mật khẩu tệp chứng thư số không đúng." })).toBeVisible();
  await page.getByLabel("Tệp chứng thư số (.p12, .pfx)").last().setInputFiles(p12);
  await page.getByLabel("Mật khẩu của tệp").fill(P12_PASSWORD);
  await page.getByRole("button", { name: "Mở tệp" }).click();
  await expect(page.getByText("Đã mở chứng thư số của")).toBeVisible();
  await page.getByRole("button", { name: "Ký bằng chứng thư số đã chọn" }).click();
  await expect(page.getByTestId("signed-notice")).toContainText("Bản cam kết đã được ký số lúc");
  await expectTrustedSignature(page);

  const sent = requests.join("\n");
  expect(sent).toContain(Buffer.from(certDer).toString("base64")); // the certificate goes, as it should
  for (const secret of [P12_PASSWORD, Buffer.from(pkcs8).toString("base64"), Buffer.from(pkcs8).toString("base64url")]) expect(sent).not.toContain(secret);
});

test("a head signs through the running agent: a SoftHSM2 token behind it, the PIN typed in the agent's own window", async ({ page, baseURL }) => {
  const head = "phuong-thanh-hai@phanthiet.gov.vn";
  const token = await createSoftHsmToken({ pin: "246810" });
  const key = generateEcKeyOnToken(token, { label: "Châu Minh Tâm" });
  const certDer = await issueTestCertificate(ca, key.spkiDer, { commonName: "Châu Minh Tâm", extraSubject: { UID: "CCCD:079190000002" } });
  storeCertificateOnToken(token, { certDer, id: key.id, label: "Châu Minh Tâm" });
  expect(privateKeyAttributes(token, key.id)).toMatchObject({ extractable: false, sensitive: true });
  const pairing = new Pairing({ origin: new URL(baseURL!).origin, stateFile: null });
  const agent = createAgentServer({ token: new Pkcs11Token({ modulePath: token.modulePath }), origin: new URL(baseURL!).origin, pairing });
  await agent.listen(Number(new URL(process.env.E2E_AGENT_URL!).port));
  try {
    await trustCaAndSetIdentifier(page, head, "Châu Minh Tâm", "079190000002");
    const requests = recordRequests(page);
    await openCommitmentToSign(page, head);
    await page.getByLabel("Token USB qua phần mềm ký", { exact: true }).check();
    await page.getByLabel("Mã ghép nối").fill(pairing.newCode());
    await page.getByRole("button", { name: "Ghép nối" }).click();
    await page.getByLabel("Châu Minh Tâm").check();

    const approval = page.context().waitForEvent("page");
    await page.getByRole("button", { name: "Ký bằng chứng thư số đã chọn" }).click();
    const popup = await approval;
    await popup.getByLabel("Mã PIN của token").fill("246810");
    await popup.getByRole("button", { name: "Ký", exact: true }).click();
    await expect(page.getByTestId("signed-notice")).toContainText("Bản cam kết đã được ký số lúc");
    await expectTrustedSignature(page);
    // The PIN went to the agent's own page, never through the camket page or to camket's server.
    const camket = requests.filter((line) => line.includes(new URL(baseURL!).host)).join("\n");
    expect(camket).not.toContain("246810");
  } finally {
    await agent.close();
    token.close();
  }
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getCityCa } from "@/lib/signatures/city-ca-store";
import { issueFreshCertificate } from "@/lib/signatures/user-certificate-store";
import { revokeCertificate } from "@/lib/signatures/revoke-certificate";
import { respondToOcspPost } from "@/lib/revocation/respond-to-ocsp";
import { createActor } from "@/lib/test/factories";
import { checkRevocationOnline } from "./check-revocation-online";

let server: Server;

beforeAll(async () => {
  // The app's own OCSP responder over real HTTP, as a relying party would reach it.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const response = await respondToOcspPost(new Request("http://x/ca/ocsp", { method: "POST", body: Buffer.concat(chunks) }));
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("revocation checked over the network", () => {
  it("a certificate naming the OCSP responder: good, then revoked; one naming none stays unchecked", async () => {
    const ca = await getCityCa();
    const unpointed = await issueFreshCertificate(await createActor("UNIT_HEAD"));
    process.env.CAMKET_PUBLIC_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cert = await issueFreshCertificate(await createActor("UNIT_HEAD")).finally(() => delete process.env.CAMKET_PUBLIC_URL);
    const now = new Date();
    expect(await checkRevocationOnline(unpointed.certDer, ca.certDer, now)).toEqual({ checked: false, source: null, status: null, at: null });
    expect(await checkRevocationOnline(cert.certDer, ca.certDer, now)).toEqual({ checked: true, source: "network", status: "good", at: now });
    expect((await revokeCertificate(await createActor("ADMIN"), { certificateId: cert.id, reason: "Mất token" })).ok).toBe(true);
    expect(await checkRevocationOnline(cert.certDer, ca.certDer, new Date())).toMatchObject({ checked: true, status: "revoked" });
  });
});

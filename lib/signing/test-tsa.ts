import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { CityCaKey } from "./city-ca";
import { answerTimestampRequest } from "@/lib/timestamping/answer-timestamp-request";
import type { TsaKey } from "@/lib/timestamping/issue-timestamp-token";
import { OID } from "./oids";

/** An RFC 3161 TSA on 127.0.0.1 for tests — the built-in TSA's responder with its own key, certificate issued by the given CA. */
export interface TestTsa {
  url: string;
  certDer: Uint8Array;
  close(): Promise<void>;
}

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

/** `crlUrl`: a CRL distribution point in its certificate (a national TSA's, whose status its own CA publishes). */
export async function startTestTsa(ca: CityCaKey, options: { crlUrl?: string } = {}): Promise<TestTsa> {
  const caCert = new x509.X509Certificate(new Uint8Array(ca.certDer));
  const caKey = await crypto.subtle.importKey("pkcs8", new Uint8Array(ca.privateKeyPkcs8), ALGORITHM, false, ["sign"]);
  const keys = await crypto.subtle.generateKey(ALGORITHM, false, ["sign", "verify"]);
  const tsaCert = await x509.X509CertificateGenerator.create({
    subject: new x509.Name([{ C: [{ printableString: "VN" }] }, { CN: [{ utf8String: "Máy chủ dấu thời gian thử nghiệm" }] }]),
    issuer: caCert.subjectName,
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: ALGORITHM,
    notBefore: caCert.notBefore,
    notAfter: caCert.notAfter,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([OID.timeStamping], true), // RFC 3161 requires it, critical
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      ...(options.crlUrl ? [new x509.CRLDistributionPointsExtension([options.crlUrl])] : []),
    ],
  });
  const certDer = new Uint8Array(tsaCert.rawData);

  const key: TsaKey = { chainDer: [certDer, ca.certDer], privateKey: keys.privateKey };
  const answer = (requestDer: Uint8Array) => answerTimestampRequest(key, requestDer);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      answer(new Uint8Array(Buffer.concat(chunks))).then(
        (body) => res.writeHead(200, { "Content-Type": "application/timestamp-reply" }).end(body),
        () => res.writeHead(400).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    certDer,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

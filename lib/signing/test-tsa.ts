import "reflect-metadata";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import * as x509 from "@peculiar/x509";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomBytes } from "node:crypto";
import type { CityCaKey } from "./city-ca";
import { buildSignedData, ecdsaRawToDer } from "./cms-signed-data";
import { OID } from "./oids";

/** A minimal RFC 3161 TSA on 127.0.0.1 for tests: ECDSA P-256, certificate issued by the given CA. */
export interface TestTsa {
  url: string;
  certDer: Uint8Array;
  close(): Promise<void>;
}

const TEST_POLICY = "1.3.6.1.4.1.99999.3161.1";
const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

export async function startTestTsa(ca: CityCaKey): Promise<TestTsa> {
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
    ],
  });
  const certDer = new Uint8Array(tsaCert.rawData);

  const answer = async (requestDer: Uint8Array): Promise<Uint8Array> => {
    const request = pkijs.TimeStampReq.fromBER(new Uint8Array(requestDer));
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy: TEST_POLICY,
      messageImprint: request.messageImprint,
      serialNumber: new asn1js.Integer({ valueHex: new Uint8Array([1, ...randomBytes(8)]) }),
      genTime: new Date(Math.floor(Date.now() / 1000) * 1000),
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(request.nonce && { nonce: request.nonce }),
    });
    const tstDer = new Uint8Array(tstInfo.toSchema().toBER());
    const token = await buildSignedData({
      contentDigest: createHash("sha256").update(tstDer).digest(),
      certificateChain: [certDer, ca.certDer],
      contentType: OID.tstInfo,
      encapsulatedContent: tstDer,
      signSignedAttributes: async (der) =>
        ecdsaRawToDer(new Uint8Array(await crypto.subtle.sign(ALGORITHM, keys.privateKey, new Uint8Array(der)))),
    });
    const response = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: pkijs.ContentInfo.fromBER(new Uint8Array(token)),
    });
    return new Uint8Array(response.toSchema().toBER());
  };

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

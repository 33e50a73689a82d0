import { buildSignedData, ecdsaRawToDer } from "./cms-signed-data";
import type { Signer } from "./signer";

export interface CityCaSignerOptions {
  certDer: Uint8Array;
  /** Decrypted PKCS#8 ECDSA P-256 key matching `certDer`. */
  privateKeyPkcs8: Uint8Array;
  /** Issuer certificates (the city CA), embedded so verifiers can build the chain. */
  issuerCertsDer: Uint8Array[];
}

/** A Signer holding a city-CA-issued key in memory for the duration of one signing. */
export async function createCityCaSigner(options: CityCaSignerOptions): Promise<Signer> {
  const key = await crypto.subtle.importKey(
    "pkcs8",
    new Uint8Array(options.privateKeyPkcs8),
    { name: "ECDSA", namedCurve: "P-256" },
    false,
    ["sign"],
  );
  const chain = [options.certDer, ...options.issuerCertsDer];
  return {
    certificateChain: () => chain,
    sign: ({ contentDigest }) =>
      buildSignedData({
        contentDigest,
        certificateChain: chain,
        signSignedAttributes: async (der) =>
          ecdsaRawToDer(new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, new Uint8Array(der)))),
      }),
  };
}

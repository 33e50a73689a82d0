import { createCityCaSigner } from "@/lib/signing/city-ca-signer";
import type { Signer } from "@/lib/signing/signer";
import { getCityCa } from "./city-ca-store";
import type { SigningIdentity } from "./user-certificate-store";

/** The Signer for a person's certificate: today the city CA's; a licensed CA's remote signer plugs in here. */
export async function createSignerFor(identity: SigningIdentity): Promise<Signer> {
  const ca = await getCityCa();
  return createCityCaSigner({ certDer: identity.certDer, privateKeyPkcs8: identity.privateKeyPkcs8, issuerCertsDer: [ca.certDer] });
}

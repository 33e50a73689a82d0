import { getCityCa } from "@/lib/signatures/city-ca-store";
import { buildCrl, CRL_VALIDITY_MS } from "./build-crl";
import { listRevokedCertificates, revocationStateKey } from "./list-revoked-certificates";

export interface CurrentCrl {
  der: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date;
}

let cached: { key: string; crl: CurrentCrl } | undefined;

/**
 * The city CA's current CRL: rebuilt when a certificate was revoked since (checked on every call with one small
 * query, on every instance) or when half its validity has passed, so it is never served near its nextUpdate.
 */
export async function getCurrentCrlWithDates(now = new Date()): Promise<CurrentCrl> {
  const key = await revocationStateKey();
  if (cached && cached.key === key && now.getTime() - cached.crl.thisUpdate.getTime() < CRL_VALIDITY_MS / 2) return cached.crl;
  const ca = await getCityCa();
  const der = await buildCrl(ca, await listRevokedCertificates(ca.certDer), now);
  const crl = { der, thisUpdate: now, nextUpdate: new Date(now.getTime() + CRL_VALIDITY_MS) };
  cached = { key, crl };
  return crl;
}

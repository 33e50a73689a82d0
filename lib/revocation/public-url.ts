/**
 * CAMKET_PUBLIC_URL: the address relying parties reach this deployment at. Certificates issued while it is set
 * point there for their CRL, OCSP responder and issuer certificate; unset, they carry no pointers (a demo on
 * localhost must not promise an address nobody else can reach).
 */
export function publicUrl(): string | null {
  const raw = process.env.CAMKET_PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`CAMKET_PUBLIC_URL is not a URL: ${raw}`);
  }
  if (!["http:", "https:"].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(`CAMKET_PUBLIC_URL must be a plain http(s) address without query, fragment or credentials: ${raw}`);
  }
  return url.href.replace(/\/+$/, "");
}

export interface RevocationPointers {
  crl: string;
  ocsp: string;
  caIssuers: string;
}

/** The three addresses a new certificate names, or null when CAMKET_PUBLIC_URL is not set. */
export function revocationPointers(): RevocationPointers | null {
  const base = publicUrl();
  if (!base) return null;
  return { crl: `${base}/ca/crl/city-ca.crl`, ocsp: `${base}/ca/ocsp`, caIssuers: `${base}/ca/city-ca.der` };
}

import { getPublicCityCa } from "@/lib/signatures/get-public-city-ca";

export const runtime = "nodejs";

/** GET /ca/city-ca.der — the same certificate in binary DER (Windows' certificate import, Java keytool). */
export async function GET() {
  const ca = await getPublicCityCa();
  return new Response(new Uint8Array(ca.certDer), {
    headers: { "Content-Type": "application/pkix-cert", "Content-Disposition": 'attachment; filename="city-ca.der"', "Cache-Control": "public, max-age=3600" },
  });
}

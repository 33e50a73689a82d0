import { getPublicCityCa } from "@/lib/signatures/get-public-city-ca";

export const runtime = "nodejs";

/** GET /ca/city-ca.pem — the city CA certificate, public: anyone checking a signed PDF must be able to get it. */
export async function GET() {
  const ca = await getPublicCityCa();
  return new Response(ca.certPem, {
    headers: { "Content-Type": "application/x-pem-file", "Content-Disposition": 'attachment; filename="city-ca.pem"', "Cache-Control": "public, max-age=3600" },
  });
}

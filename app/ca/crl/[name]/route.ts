import { getCurrentCrlWithDates } from "@/lib/revocation/get-current-crl";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /ca/crl/city-ca.crl — the city CA's CRL (DER), public; a revocation shows in the next request. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  if ((await params).name !== "city-ca.crl") return new Response("Not found", { status: 404 });
  const crl = await getCurrentCrlWithDates();
  return new Response(new Uint8Array(crl.der), {
    headers: {
      "Content-Type": "application/pkix-crl",
      "Content-Disposition": 'attachment; filename="city-ca.crl"',
      "Cache-Control": "public, max-age=60",
      "Last-Modified": crl.thisUpdate.toUTCString(),
      Expires: crl.nextUpdate.toUTCString(),
    },
  });
}

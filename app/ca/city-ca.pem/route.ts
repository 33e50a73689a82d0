import { getCurrentUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { getCityCa } from "@/lib/signatures/city-ca-store";

export const runtime = "nodejs";

/** GET /ca/city-ca.pem — the city CA certificate, to trust in pdfsig/NSS or a PDF reader (signed-in users). */
export async function GET() {
  if (!(await getCurrentUser())) return Response.json({ error: (await getMessages()).common.form.signedOut }, { status: 401 });
  const ca = await getCityCa();
  return new Response(ca.certPem, {
    headers: { "Content-Type": "application/x-pem-file", "Content-Disposition": 'attachment; filename="city-ca.pem"', "Cache-Control": "private, max-age=3600" },
  });
}

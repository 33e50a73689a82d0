import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/find-active-user";
import { dashboardQuerySchema } from "@/lib/dashboard/dashboard-query";
import { listCampaignUnits } from "@/lib/dashboard/list-campaign-units";
import { listLaunchedCampaigns } from "@/lib/dashboard/list-launched-campaigns";
import { unitsCsv } from "@/lib/dashboard/units-csv";
import { unitsXlsx } from "@/lib/dashboard/units-xlsx";
import { getMessages } from "@/lib/i18n/get-messages";

export const runtime = "nodejs";

const formatSchema = z.enum(["csv", "xlsx"]);

/** GET /theo-doi/xuat?format=csv|xlsx&… — the monitoring table with the same filters, every row, in the downloader's language. */
export async function GET(request: Request) {
  const actor = await getCurrentUser();
  const messages = await getMessages();
  const m = messages.dashboard;
  if (!actor) return Response.json({ error: messages.common.form.signedOut }, { status: 401 });
  if (!hasRole(actor, "CHAIRPERSON", "ADMIN", "AUDITOR")) return Response.json({ error: m.export.forbidden }, { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = formatSchema.safeParse(params.format);
  if (!format.success) return Response.json({ error: m.export.badFormat }, { status: 400 });
  const query = dashboardQuerySchema.parse(params);
  const campaigns = await listLaunchedCampaigns();
  const campaign = campaigns.find((c) => c.id === query.campaign) ?? campaigns[0];
  if (!campaign) return Response.json({ error: m.noCampaign }, { status: 404 });
  const { rows } = await listCampaignUnits(campaign.id, query, { all: true });
  const name = `theo-doi-ky-cam-ket.${format.data}`;
  const body = format.data === "csv" ? unitsCsv(rows, messages) : unitsXlsx(rows, messages);
  return new Response(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "Content-Type": format.data === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

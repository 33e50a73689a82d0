import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { listRegister } from "@/lib/issuance/list-register";
import { registerCsv, registerXlsx } from "@/lib/issuance/register-export";

export const runtime = "nodejs";

const formatSchema = z.enum(["csv", "xlsx"]);

/** GET /van-thu/so-van-ban-di/xuat?format=csv|xlsx&year=&body= — the register as the reader sees it, every row. */
export async function GET(request: Request) {
  const actor = await getCurrentUser();
  const messages = await getMessages();
  if (!actor) return Response.json({ error: messages.common.form.signedOut }, { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const register = await listRegister(actor, params);
  if (!register) return Response.json({ error: messages.common.form.forbidden }, { status: 403 });
  const format = formatSchema.safeParse(params.format);
  if (!format.success) return Response.json({ error: messages.dashboard.export.badFormat }, { status: 400 });
  const name = `so-van-ban-di-${register.year}.${format.data}`;
  const body = format.data === "csv" ? registerCsv(register.rows, messages) : Buffer.from(registerXlsx(register.rows, messages));
  return new Response(body, {
    headers: {
      "Content-Type": format.data === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

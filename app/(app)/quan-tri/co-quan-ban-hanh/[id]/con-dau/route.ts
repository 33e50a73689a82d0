import { getCurrentUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { readSeal } from "@/lib/issuing-bodies/read-seal";

export const runtime = "nodejs";

/** GET /quan-tri/co-quan-ban-hanh/{id}/con-dau — the body's seal PNG, for the admin and the body's clerks. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: (await getMessages()).common.form.signedOut }, { status: 401 });
  const messages = messagesFor(actor);
  const seal = await readSeal(actor, (await params).id);
  if (seal === "forbidden") return Response.json({ error: messages.common.form.forbidden }, { status: 403 });
  if (seal === "notFound") return Response.json({ error: messages.bodies.notFound }, { status: 404 });
  return new Response(Buffer.from(seal.png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(seal.png.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-SHA256": seal.sha256,
    },
  });
}

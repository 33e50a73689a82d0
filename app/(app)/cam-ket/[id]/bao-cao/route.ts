import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { getValidationReport } from "@/lib/validation-report/get-validation-report";
import { StoredFileCorruptedError, StoredFileMissingError } from "@/lib/storage/stored-file-errors";

export const runtime = "nodejs";

const querySchema = z.object({ download: z.literal("1").optional() });

/** GET /cam-ket/{id}/bao-cao[?download=1] — the validation report of the current PDF (same access as /cam-ket/{id}/pdf). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: (await getMessages()).common.form.signedOut }, { status: 401 });
  const m = messagesFor(actor).signing.api;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: messagesFor(actor).report.badQuery }, { status: 400 });
  const download = query.data.download === "1";
  const report = await getValidationReport(actor, (await params).id, { download, context: await auditContextFor(actor) }).catch((error: unknown) => {
    // Detected by hash and already logged with the file's SHA-256 (lib/storage/file-store): never reported on.
    if (error instanceof StoredFileCorruptedError || error instanceof StoredFileMissingError) return "damaged" as const;
    throw error;
  });
  if (report === "damaged") return Response.json({ error: m.storedFileDamaged }, { status: 500 });
  if (!report) return Response.json({ error: m.documentNotFound }, { status: 404 });
  return new Response(Buffer.from(report.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(report.bytes.byteLength),
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${report.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

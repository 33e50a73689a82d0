import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { auditContextFor } from "@/lib/audit/request-context";
import { getAssignmentPdf } from "@/lib/assignments/get-assignment-pdf";
import { DOCUMENT_KINDS } from "@/lib/assignments/document-file-name";
import { getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { StoredFileCorruptedError, StoredFileMissingError } from "@/lib/storage/stored-file-errors";

export const runtime = "nodejs";

const querySchema = z.object({
  version: z.enum(DOCUMENT_KINDS).optional(),
  download: z.literal("1").optional(),
});

/** GET /cam-ket/{id}/pdf[?version=ORIGINAL|SIGNED|COUNTERSIGNED][&download=1] — the exact stored bytes. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: (await getMessages()).common.form.signedOut }, { status: 401 });
  const m = messagesFor(actor).signing.api;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: m.badVersion }, { status: 400 });
  const download = query.data.download === "1";
  const pdf = await getAssignmentPdf(actor, (await params).id, {
    kind: query.data.version,
    download,
    context: await auditContextFor(actor),
  }).catch((error: unknown) => {
    // Detected by hash and already logged with the file's SHA-256 (lib/storage/file-store): never served.
    if (error instanceof StoredFileCorruptedError || error instanceof StoredFileMissingError) return "damaged" as const;
    throw error;
  });
  if (pdf === "damaged") return Response.json({ error: m.storedFileDamaged }, { status: 500 });
  if (!pdf) return Response.json({ error: m.documentNotFound }, { status: 404 });
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.bytes.byteLength),
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${pdf.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-SHA256": pdf.sha256,
    },
  });
}

import { z } from "zod";
import { apiError, notFoundError, withApiActor } from "@/lib/api/api-handler";
import { getAssignmentPdf } from "@/lib/assignments/get-assignment-pdf";
import { StoredFileCorruptedError, StoredFileMissingError } from "@/lib/storage/stored-file-errors";
import { DOCUMENT_KINDS } from "@/lib/assignments/document-file-name";

export const runtime = "nodejs";

const querySchema = z.object({ version: z.enum(DOCUMENT_KINDS).optional() });

/** GET /api/v1/assignments/{id}/pdf[?version=ORIGINAL|SIGNED|COUNTERSIGNED] — exact stored bytes; audited as a download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApiActor(request, async (actor) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return apiError(400, "Tham số không hợp lệ: version phải là ORIGINAL, SIGNED hoặc COUNTERSIGNED.");
    const pdf = await getAssignmentPdf(actor, (await params).id, {
      kind: query.data.version,
      download: true,
      context: { actorId: actor.id, actorEmail: actor.email, userAgent: request.headers.get("user-agent")?.slice(0, 500) },
    }).catch((error: unknown) => {
      // Detected by hash and already logged with the file's SHA-256 (lib/storage/file-store): never served.
      if (error instanceof StoredFileCorruptedError || error instanceof StoredFileMissingError) return error;
      throw error;
    });
    if (pdf instanceof Error) return apiError(500, pdf.message);
    if (!pdf) return notFoundError();
    return new Response(Buffer.from(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.bytes.byteLength),
        "Content-Disposition": `attachment; filename="${pdf.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-SHA256": pdf.sha256,
      },
    });
  }, ["read", "issue"]);
}

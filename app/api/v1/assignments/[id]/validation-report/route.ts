import { apiError, notFoundError, withApiActor } from "@/lib/api/api-handler";
import { getValidationReport } from "@/lib/validation-report/get-validation-report";
import { StoredFileCorruptedError, StoredFileMissingError } from "@/lib/storage/stored-file-errors";

export const runtime = "nodejs";

/** GET /api/v1/assignments/{id}/validation-report — the validation report (PDF) of the current version; audited as a download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApiActor(request, async (actor) => {
    const report = await getValidationReport(actor, (await params).id, {
      download: true,
      context: { actorId: actor.id, actorEmail: actor.email, userAgent: request.headers.get("user-agent")?.slice(0, 500) },
    }).catch((error: unknown) => {
      // Detected by hash and already logged with the file's SHA-256 (lib/storage/file-store): never reported on.
      if (error instanceof StoredFileCorruptedError || error instanceof StoredFileMissingError) return error;
      throw error;
    });
    if (report instanceof Error) return apiError(500, report.message);
    if (!report) return notFoundError();
    return new Response(Buffer.from(report.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(report.bytes.byteLength),
        "Content-Disposition": `attachment; filename="${report.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  }, ["read", "issue"]);
}

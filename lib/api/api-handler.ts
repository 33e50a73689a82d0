import type { Actor } from "@/lib/auth/find-active-user";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { reportInternalError } from "@/lib/errors/report-internal-error";
import { messagesFor } from "@/lib/i18n/messages-for";

export const apiError = (status: number, error: string) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
export const notFoundError = () => apiError(404, "Không tìm thấy.");

/**
 * Every /api/v1 route: Bearer token → actor (or a JSON 401/403), then the route's own work. Anything thrown
 * becomes a JSON error too — 503 while the database is unreachable, else 500 with a reference — with the
 * detail only in the server log, so a script never receives a stack, SQL or a host name.
 */
export async function withApiActor(request: Request, handle: (actor: Actor) => Promise<Response>): Promise<Response> {
  try {
    const auth = await authenticateApiToken(request.headers.get("authorization"));
    if (!auth.ok) {
      const response = apiError(auth.status, auth.error);
      if (auth.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="camket"');
      return response;
    }
    return await handle(auth.actor);
  } catch (error) {
    // The API speaks Vietnamese (like its other answers), whoever owns the token.
    const report = reportInternalError(`${request.method} ${new URL(request.url).pathname}`, error, messagesFor());
    return apiError(report.status, report.message);
  }
}

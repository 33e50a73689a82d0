import type { Actor } from "@/lib/auth/find-active-user";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { reportInternalError } from "@/lib/errors/report-internal-error";
import { messagesFor } from "@/lib/i18n/messages-for";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";
import { problemResponse } from "./problem-response";

export const apiError = (status: number, detail: string) => problemResponse(status, detail);
export const notFoundError = () => apiError(404, "Không tìm thấy.");

/**
 * Every /api/v1 route: Bearer token → actor (or a problem 401/403), the token's scope checked against the one
 * the operation needs, then the route's own work. Anything thrown becomes a problem too — 503 while the
 * database is unreachable, else 500 with a reference — with the detail only in the server log, so a script
 * never receives a stack, SQL or a host name.
 */
export async function withApiActor(request: Request, handle: (actor: Actor) => Promise<Response>, scopes: ApiScope | ApiScope[] = "read"): Promise<Response> {
  try {
    const auth = await authenticateApiToken(request.headers.get("authorization"));
    if (!auth.ok) {
      const response = apiError(auth.status, auth.error);
      if (auth.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="camket"');
      return response;
    }
    // Any one of the operation's scopes will do (an issued PDF: `read` for auditors, `issue` for the DMS).
    const accepted = [scopes].flat();
    if (!accepted.some((scope) => auth.scopes.includes(scope))) {
      const scope = accepted.join(" ");
      const response = problemResponse(403, `Khóa API này không có phạm vi “${scope}” mà thao tác cần.`, "insufficient-scope", { scope });
      response.headers.set("WWW-Authenticate", `Bearer realm="camket", error="insufficient_scope", scope="${scope}"`);
      return response;
    }
    // The API speaks Vietnamese, whoever owns the token: lib operations word their answers in the actor's language.
    return await handle({ ...auth.actor, locale: "vi" });
  } catch (error) {
    // The API speaks Vietnamese (like its other answers), whoever owns the token.
    const report = reportInternalError(`${request.method} ${new URL(request.url).pathname}`, error, messagesFor());
    return apiError(report.status, report.message);
  }
}

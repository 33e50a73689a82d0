import type { Actor } from "@/lib/auth/find-active-user";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";

export const apiError = (status: number, error: string) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
export const notFoundError = () => apiError(404, "Không tìm thấy.");

/** Every /api/v1 route: Bearer token → actor (or a JSON 401/403), then the route's own work. */
export async function withApiActor(request: Request, handle: (actor: Actor) => Promise<Response>): Promise<Response> {
  const auth = await authenticateApiToken(request.headers.get("authorization"));
  if (!auth.ok) {
    const response = apiError(auth.status, auth.error);
    if (auth.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="camket"');
    return response;
  }
  return handle(auth.actor);
}

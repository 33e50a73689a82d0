import { OPENAPI_DOCUMENT } from "@/lib/api/openapi-document";

/** GET /api/v1/openapi.json — public: it describes the API, it holds no data. */
export function GET() {
  return Response.json(OPENAPI_DOCUMENT);
}

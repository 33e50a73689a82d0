/**
 * RFC 9457 problem details for every /api/v1 error: `application/problem+json` with a stable `type` URI a
 * script can branch on, a short `title` and the plain Vietnamese `detail` (never a stack, SQL or host).
 * The types are listed in the OpenAPI document (lib/api/openapi-document.ts).
 */
export const PROBLEM_TYPES = {
  unauthorized: "Thiếu hoặc sai khóa API",
  forbidden: "Không có quyền",
  "insufficient-scope": "Khóa API thiếu phạm vi",
  "not-found": "Không tìm thấy",
  "invalid-request": "Yêu cầu không hợp lệ",
  validation: "Dữ liệu không hợp lệ",
  conflict: "Không thực hiện được ở trạng thái hiện tại",
  unavailable: "Tạm thời không khả dụng",
  internal: "Lỗi hệ thống",
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export const PROBLEM_BASE = "https://camket.vn/problems/";

const TYPE_BY_STATUS: Record<number, ProblemType> = {
  400: "invalid-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  422: "validation",
  503: "unavailable",
};

export function problemResponse(status: number, detail: string, type: ProblemType = TYPE_BY_STATUS[status] ?? "internal", extra: Record<string, unknown> = {}): Response {
  const body = { type: `${PROBLEM_BASE}${type}`, title: PROBLEM_TYPES[type], status, detail, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
}

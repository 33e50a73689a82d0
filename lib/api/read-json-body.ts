import { problemResponse } from "./problem-response";

const MAX_BYTES = 64 * 1024;

/**
 * A write operation's JSON body: an object, at most 64 KB, with no field the operation does not know — a
 * misspelt field is refused (422, naming it) rather than silently ignored, so a sync script learns of its
 * mistake instead of writing half of what it meant. Returns the object or the problem response to send.
 */
export async function readJsonBody(request: Request, allowed: readonly string[]): Promise<{ body: Record<string, unknown> } | { problem: Response }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BYTES) return { problem: problemResponse(400, `Nội dung quá lớn (tối đa ${MAX_BYTES / 1024} KB).`) };
  let body: unknown;
  try {
    // No body at all is an empty object: an operation whose fields are all optional needs none.
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return { problem: problemResponse(400, "Nội dung không phải JSON hợp lệ.") };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { problem: problemResponse(400, "Nội dung phải là một đối tượng JSON.") };
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length) {
    return {
      problem: problemResponse(422, `Trường không được hỗ trợ: ${unknown.join(", ")}.`, "validation", {
        errors: unknown.map((key) => ({ pointer: `/${key}`, detail: "Trường không được hỗ trợ." })),
      }),
    };
  }
  return { body: body as Record<string, unknown> };
}

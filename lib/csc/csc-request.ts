import type { z } from "zod";
import type { CscConfig } from "./csc-config";
import { CscError, cscErrorCodeFor } from "./csc-error";

/**
 * One call to the provider: a timeout on every request, the answer validated by `schema`, and every
 * failure turned into a CscError whose message is safe to show. What the provider said is logged, never shown.
 */
export interface CscCallOptions<S extends z.ZodType> {
  config: Pick<CscConfig, "timeoutMs">;
  url: string;
  schema: S;
  /** JSON body (CSC API) or form fields (OAuth2 token endpoint). */
  json?: unknown;
  form?: Record<string, string>;
  accessToken?: string;
  /** What the log line names, e.g. "credentials/authorize". */
  operation: string;
}

export async function cscCall<S extends z.ZodType>(options: CscCallOptions<S>): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: string;
  if (options.form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  } else {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json ?? {});
  }
  if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;

  let response: Response;
  let text: string;
  try {
    response = await fetch(options.url, { method: "POST", headers, body, signal: AbortSignal.timeout(options.config.timeoutMs), redirect: "error" });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw logged(new CscError(timedOut ? "timeout" : "provider-down", `${options.operation}: ${describe(error)}`, { cause: error }));
  }

  let parsed: unknown;
  let isJson = true;
  try {
    // An empty 2xx (credentials/sendOTP answers 204) is an empty object.
    parsed = text.trim() === "" && response.ok ? {} : JSON.parse(text);
  } catch {
    isJson = false;
  }

  if (!response.ok) {
    const body = isJson && parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    const error = typeof body.error === "string" ? body.error : undefined;
    const description = typeof body.error_description === "string" ? body.error_description : undefined;
    const code = cscErrorCodeFor(response.status, error, description);
    throw logged(new CscError(code, `${options.operation}: HTTP ${response.status} ${error ?? ""} ${description ?? (isJson ? "" : snippet(text))}`.trim()));
  }
  if (!isJson) throw logged(new CscError("malformed-response", `${options.operation}: HTTP ${response.status}, not JSON: ${snippet(text)}`));
  const result = options.schema.safeParse(parsed);
  if (!result.success) throw logged(new CscError("malformed-response", `${options.operation}: unexpected answer: ${result.error.message.slice(0, 500)}`));
  return result.data;
}

function logged(error: CscError): CscError {
  console.error(`[camket] remote signing (CSC): ${error.code}: ${error.detail ?? ""}`);
  return error;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message})` : "";
  return `${error.name}: ${error.message}${cause}`;
}

const snippet = (text: string) => JSON.stringify(text.slice(0, 200));

/** `${base}/${path}` for a CSC API method such as "credentials/list". */
export const cscUrl = (config: Pick<CscConfig, "baseUrl">, method: string) => `${config.baseUrl}/${method}`;

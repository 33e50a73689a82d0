/**
 * True when `error` means "the database cannot be reached or is going away" — a state the person can do
 * nothing about but wait — as opposed to a bug or bad input. Looks through every layer the error can come
 * in: Prisma (P1xxx codes, PrismaClientInitializationError), its driver adapter (`meta.driverAdapterError`),
 * node-postgres (SQLSTATE) and the socket (errno codes), following `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const fields = current as { name?: unknown; code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (fields.name === "PrismaClientInitializationError") return true;
    if ([fields.code, fields.originalCode].some(isUnavailableCode)) return true;
    if (typeof fields.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(fields.kind)) return true;
    if (typeof fields.message === "string" && UNAVAILABLE_POOL_MESSAGES.some((pattern) => pattern.test(fields.message as string))) return true;
    pending.push(fields.cause, (fields.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}

// Prisma: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), pool timeout (P2024),
// too many connections (P2037).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// Sockets: refused, reset, timed out, host not found or unreachable, broken pipe.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);
// The driver adapter's own names for the same states.
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres and its pool say these without a code.
const UNAVAILABLE_POOL_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect$/, /^Client has encountered a connection error/];

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now),
  // 53300 (too many connections).
  return PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300";
}

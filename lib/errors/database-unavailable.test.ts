import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { isDatabaseUnavailable } from "./database-unavailable";

const withCode = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error("x"), { code, ...extra });
const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error("Database error"), { code: "P2039", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("isDatabaseUnavailable", () => {
  const unavailable: [string, unknown][] = [
    ["Prisma P1001 (can't reach)", withCode("P1001")],
    ["Prisma P1002 (timed out)", withCode("P1002")],
    ["Prisma P1017 (server closed the connection)", withCode("P1017")],
    ["Prisma P2024 (pool timeout)", withCode("P2024")],
    ["PrismaClientInitializationError", Object.assign(new Error("init"), { name: "PrismaClientInitializationError" })],
    ["adapter: DatabaseNotReachable", adapterError({ kind: "DatabaseNotReachable", host: "db", port: 5432 })],
    ["adapter: ConnectionClosed", adapterError({ kind: "ConnectionClosed" })],
    ["adapter: 57P01 admin shutdown", adapterError({ kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["adapter: 57P02 crash shutdown", adapterError({ kind: "postgres", code: "57P02" })],
    ["adapter: 57P03 cannot connect now", adapterError({ kind: "postgres", code: "57P03" })],
    ["pg: 08006 connection failure", withCode("08006")],
    ["pg: 08001 unable to connect", withCode("08001")],
    ["pg: 53300 too many connections", withCode("53300")],
    ["socket: ECONNREFUSED", withCode("ECONNREFUSED", { syscall: "connect" })],
    ["socket: ETIMEDOUT", withCode("ETIMEDOUT")],
    ["socket: ECONNRESET", withCode("ECONNRESET")],
    ["pg: Connection terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    ["pg-pool: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["wrapped in a cause", new Error("outer", { cause: withCode("ECONNREFUSED") })],
  ];
  for (const [name, error] of unavailable) it(`unavailable: ${name}`, () => expect(isDatabaseUnavailable(error)).toBe(true));

  const other: [string, unknown][] = [
    ["unique violation P2002", withCode("P2002")],
    ["22021 NUL in text", adapterError({ kind: "postgres", code: "22021", originalCode: "22021" })],
    ["table missing P2021", adapterError({ kind: "TableDoesNotExist" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a string", "boom"],
    ["null", null],
    ["a cyclic cause", (() => { const e: Error & { cause?: unknown } = new Error("a"); e.cause = e; return e; })()],
  ];
  for (const [name, error] of other) it(`not unavailable: ${name}`, () => expect(isDatabaseUnavailable(error)).toBe(false));

  it("a real Prisma query against a port nobody listens on is unavailable; a real NUL-byte query error is not", async () => {
    const offline = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/postgres" }) });
    const refused = await offline.user.count().catch((error: unknown) => error);
    await offline.$disconnect();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    const nul = await prisma.user.count({ where: { email: "a\u0000b" } }).catch((error: unknown) => error);
    expect(nul).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(nul)).toBe(false);
  });
});

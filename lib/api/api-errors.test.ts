import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { vi as viMessages } from "@/lib/i18n/messages/vi";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { blobKey } from "@/lib/storage/blob-store";
import { blobDirectory } from "@/lib/storage/current-blob-store";
import { POST as signRoute } from "@/app/(app)/cam-ket/[id]/ky/route";
import { GET as listCampaignsRoute } from "@/app/api/v1/campaigns/route";
import { GET as campaignStatusRoute } from "@/app/api/v1/campaigns/[id]/status/route";
import { GET as assignmentPdfRoute } from "@/app/api/v1/assignments/[id]/pdf/route";
import { GET as archiveRoute } from "@/app/api/v1/campaigns/[id]/archive.zip/route";

/**
 * Hostile input on the JSON sign endpoint and the /api/v1 routes: malformed JSON, wrong types, NUL bytes,
 * unknown ids, a database outage and a bug each get a JSON answer with the right status and a plain
 * message — never a stack, SQL, a Prisma code or a host — and nothing is stored.
 */

let currentUser: () => Promise<Actor | null> = async () => null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: () => currentUser() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "api-errors.test" }),
  cookies: async () => ({ get: () => undefined }),
}));
let authenticate: ((authorization: string | null) => Promise<unknown>) | undefined;
vi.mock("@/lib/api-tokens/authenticate-api-token", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/api-tokens/authenticate-api-token")>();
  return { authenticateApiToken: (authorization: string | null) => (authenticate ?? original.authenticateApiToken)(authorization) };
});

const { unavailable } = viMessages.common.errors;
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const LEAKS = ["P1001", "P2039", "22021", "127.0.0.1", "5432", "prisma", "SELECT", "invocation", "at ", "Error:"];
const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function outageError(): Promise<unknown> {
  const offline = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/postgres" }) });
  const error = await offline.user.findFirst().catch((e: unknown) => e);
  await offline.$disconnect();
  return error;
}

/** What a signature writes (the wrong-password case rightly counts a failed attempt on the User row). */
async function databaseFingerprint(): Promise<string> {
  const tables = ["Assignment", "AssignmentDocument", "AuditEvent", "UserCertificate"];
  const rows = await Promise.all(
    tables.map((t) => prisma.$queryRawUnsafe<{ d: string }[]>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t}" x`)),
  );
  return rows.map((r) => r[0]!.d).join(",");
}

/** Status and body; the body must not carry any technical text. */
async function answer(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  const text = await response.text();
  for (const leak of LEAKS) expect(text, `${response.status} ${text}`).not.toContain(leak);
  return { status: response.status, body: JSON.parse(text) };
}

afterEach(() => {
  currentUser = async () => null;
  authenticate = undefined;
  vi.restoreAllMocks();
});

describe("POST /cam-ket/{id}/ky with hostile input", () => {
  let head: Awaited<ReturnType<typeof launchTestCampaign>>["heads"][number];
  beforeAll(async () => {
    head = (await launchTestCampaign(1)).heads[0]!;
  });
  const sign = (id: string, body: string) =>
    signRoute(
      new Request(`http://localhost/cam-ket/${id}/ky`, {
        method: "POST",
        headers: { origin: "http://localhost", host: "localhost", "content-type": "application/json" },
        body,
      }),
      params(id),
    );
  const valid = () => ({ reviewedSha256: head.assignment.documentSha256, password: head.password, signatureImage: png });

  it("malformed JSON, wrong types, NUL bytes and unknown ids: 400/404 with a plain message, nothing stored", async () => {
    currentUser = async () => head.actor;
    const before = await databaseFingerprint();
    const id = head.assignment.id;
    const cases: [string, string, string, number][] = [
      ["malformed JSON", id, "{\"password\": ", 400],
      ["a JSON string", id, JSON.stringify("x"), 400],
      ["a JSON array", id, JSON.stringify([1, 2]), 400],
      ["password as a number", id, JSON.stringify({ ...valid(), password: 123 }), 400],
      ["image as an object", id, JSON.stringify({ ...valid(), signatureImage: { a: 1 } }), 400],
      ["hash with a NUL", id, JSON.stringify({ ...valid(), reviewedSha256: `${"a".repeat(63)}\u0000` }), 400],
      ["image with a NUL", id, JSON.stringify({ ...valid(), signatureImage: `${png}\u0000` }), 400],
      ["password with a NUL", id, JSON.stringify({ ...valid(), password: "Sai\u0000mat-khau" }), 409],
      ["unknown id", UNKNOWN, JSON.stringify(valid()), 404],
      ["id that is not a uuid", "abc", JSON.stringify(valid()), 404],
      ["id with a NUL", "\u0000", JSON.stringify(valid()), 404],
    ];
    for (const [name, path, body, status] of cases) {
      const result = await answer(await sign(path, body));
      expect(result.status, name).toBe(status);
      expect(result.body, name).toMatchObject({ ok: false, message: expect.any(String) });
    }
    expect(await databaseFingerprint()).toBe(before);
  });

  it("a database outage: 503 'temporarily unavailable'; a bug: 500 with a reference; both only logged in full", async () => {
    const outage = await outageError();
    currentUser = async () => {
      throw outage;
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await answer(await sign(head.assignment.id, JSON.stringify(valid())))).toEqual({ status: 503, body: { ok: false, message: unavailable } });
    currentUser = async () => {
      throw new Error('Invalid `prisma.assignment.findFirst()` invocation: SELECT 1 at 127.0.0.1:5432');
    };
    const bug = await answer(await sign(head.assignment.id, JSON.stringify(valid())));
    expect(bug.status).toBe(500);
    expect(bug.body.message).toMatch(/mã tham chiếu [0-9a-f]{8}\.$/);
    expect(logged).toHaveBeenCalledTimes(2);
  });
});

describe("/api/v1 with hostile input", () => {
  let token: string;
  let campaignId: string;
  let assignmentId: string;
  beforeAll(async () => {
    const launched = await launchTestCampaign(1);
    campaignId = launched.campaignId;
    assignmentId = launched.heads[0]!.assignment.id;
    token = (await createApiToken(await createActor("AUDITOR"), { name: "Kiểm thử lỗi" })).token!;
  });
  const get = (url: string) => new Request(`http://localhost/api/v1${url}`, { headers: { authorization: `Bearer ${token}` } });

  it("unknown ids, NUL bytes and junk parameters: 404/400 JSON errors", async () => {
    const cases: [string, Promise<Response>, number][] = [
      ["status, unknown id", campaignStatusRoute(get(`/campaigns/${UNKNOWN}/status`), params(UNKNOWN)), 404],
      ["status, NUL id", campaignStatusRoute(get("/campaigns/%00/status"), params("\u0000")), 404],
      ["pdf, NUL id", assignmentPdfRoute(get("/assignments/%00/pdf"), params("\u0000")), 404],
      ["pdf, NUL version", assignmentPdfRoute(get(`/assignments/${assignmentId}/pdf?version=%00`), params(assignmentId)), 400],
      ["pdf, version twice", assignmentPdfRoute(get(`/assignments/${assignmentId}/pdf?version=SIGNED&version=%00`), params(assignmentId)), 400],
      ["archive, NUL id", archiveRoute(get("/campaigns/%00/archive.zip"), params("\u0000")), 404],
    ];
    for (const [name, response, status] of cases) {
      const result = await answer(await response);
      expect(result.status, name).toBe(status);
      expect(result.body, name).toEqual({ type: expect.stringMatching(/^https:\/\/camket\.vn\/problems\//), title: expect.any(String), status, detail: expect.any(String) });
    }
  });

  it("a PDF corrupted in the blob store: 500 JSON saying so, never the bytes; the file's hash in the log", async () => {
    const { documentSha256 } = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const file = path.join(blobDirectory(), ...blobKey(documentSha256).split("/"));
    const good = readFileSync(file);
    writeFileSync(file, Buffer.concat([good.subarray(0, 100), Buffer.from("X"), good.subarray(101)]));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await assignmentPdfRoute(get(`/assignments/${assignmentId}/pdf`), params(assignmentId));
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const result = await answer(response);
      expect(result.status).toBe(500);
      expect(result.body.detail).toContain("bị hỏng");
      expect(logged.mock.calls.some(([line]) => String(line).includes(documentSha256))).toBe(true);
    } finally {
      writeFileSync(file, good);
      logged.mockRestore();
    }
  });

  it("a database outage: 503 JSON on every route; a bug: 500 with a reference; the detail only in the log", async () => {
    const outage = await outageError();
    authenticate = async () => {
      throw outage;
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const response of [
      await listCampaignsRoute(get("/campaigns")),
      await campaignStatusRoute(get(`/campaigns/${campaignId}/status`), params(campaignId)),
      await assignmentPdfRoute(get(`/assignments/${assignmentId}/pdf`), params(assignmentId)),
      await archiveRoute(get(`/campaigns/${campaignId}/archive.zip`), params(campaignId)),
    ]) {
      expect(await answer(response)).toMatchObject({ status: 503, body: { type: "https://camket.vn/problems/unavailable", status: 503, detail: unavailable } });
    }
    authenticate = async () => {
      throw new Error("relation \"ApiToken\" does not exist: SELECT * FROM \"ApiToken\"");
    };
    const bug = await answer(await listCampaignsRoute(get("/campaigns")));
    expect(bug.status).toBe(500);
    expect(bug.body).toMatchObject({ type: "https://camket.vn/problems/internal", status: 500 });
    expect(bug.body.detail).toMatch(/mã tham chiếu [0-9a-f]{8}\.$/);
    expect(logged).toHaveBeenCalledTimes(5);
  });
});

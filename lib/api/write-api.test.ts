import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createActor, publishTestTemplate } from "@/lib/test/factories";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { PUT as putUnit } from "@/app/api/v1/units/[externalId]/route";
import { PUT as putUser } from "@/app/api/v1/users/[externalId]/route";
import { POST as postCampaign } from "@/app/api/v1/campaigns/route";
import { POST as launch } from "@/app/api/v1/campaigns/[id]/launch/route";
import { POST as receipt } from "@/app/api/v1/assignments/[id]/receipt/route";
import { GET as assignmentPdf } from "@/app/api/v1/assignments/[id]/pdf/route";
import { issuanceFixture } from "@/lib/issuance/testing/issuance-fixture";
import { issueAssignments } from "@/lib/issuance/issue-assignments";

/**
 * The write API against its route handlers: the HR sync's upserts are idempotent (the same body twice writes
 * and audits nothing), campaigns are created then launched, and every bad input — a narrow token, malformed
 * JSON, an unknown field, a wrong value — is a problem+json answer that changes nothing.
 */

const send = (method: string, url: string, token: string | undefined, body: unknown) =>
  new Request(`http://localhost/api/v1${url}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: method === "GET" ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const at = <K extends string>(key: K, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<K, string>) });
const audits = () => prisma.auditEvent.count();

async function tokens() {
  const admin = await createActor("ADMIN");
  const make = async (scopes: string[]) => (await createApiToken(admin, { name: scopes.join("+"), scopes })).token!;
  return { admin, sync: await make(["write-units"]), campaigns: await make(["write-campaigns"]), reader: await make(["read"]) };
}

describe("PUT /api/v1/units/{externalId} and /users/{externalId}", () => {
  it("creates, then the same body again changes and audits nothing, then a real change updates — all by external id", async () => {
    const { sync } = await tokens();
    const unit = { name: "Phường Đồng Bộ", kind: "WARD", code: "DB-01" };
    const created = await putUnit(send("PUT", "/units/HR-U-1", sync, unit), at("externalId", "HR-U-1"));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await prisma.unit.findUniqueOrThrow({ where: { id } })).toMatchObject({ externalId: "HR-U-1", name: "Phường Đồng Bộ", code: "DB-01" });

    const before = await audits();
    const again = await putUnit(send("PUT", "/units/HR-U-1", sync, unit), at("externalId", "HR-U-1"));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, externalId: "HR-U-1", changed: false });
    expect(await audits()).toBe(before);

    const renamed = await putUnit(send("PUT", "/units/HR-U-1", sync, { ...unit, name: "Phường Đồng Bộ Mới" }), at("externalId", "HR-U-1"));
    expect(await renamed.json()).toEqual({ id, externalId: "HR-U-1", changed: true });
    expect(await audits()).toBe(before + 1);

    const head = { email: "Head.Sync@PhanThiet.gov.vn", fullName: "Trần Đồng Bộ", jobTitle: "Chủ tịch UBND phường", role: "UNIT_HEAD", unitExternalId: "HR-U-1" };
    const person = await putUser(send("PUT", "/users/HR-P-1", sync, head), at("externalId", "HR-P-1"));
    expect(person.status).toBe(201);
    const user = await prisma.user.findUniqueOrThrow({ where: { externalId: "HR-P-1" } });
    expect(user).toMatchObject({ email: "head.sync@phanthiet.gov.vn", unitId: id, role: "UNIT_HEAD", active: true });
    const afterCreate = await audits();
    expect((await putUser(send("PUT", "/users/HR-P-1", sync, head), at("externalId", "HR-P-1"))).status).toBe(200);
    expect(await audits()).toBe(afterCreate);
    const left = await putUser(send("PUT", "/users/HR-P-1", sync, { ...head, active: false }), at("externalId", "HR-P-1"));
    expect(await left.json()).toMatchObject({ changed: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ active: false });
  });

  it("bad input is a problem+json answer and changes nothing", async () => {
    const { sync, reader, campaigns } = await tokens();
    const before = { units: await prisma.unit.count(), users: await prisma.user.count(), audits: await audits() };
    const cases: [Response, number, string, unknown?][] = [
      [await putUnit(send("PUT", "/units/X", reader, {}), at("externalId", "X")), 403, "insufficient-scope"],
      [await putUnit(send("PUT", "/units/X", campaigns, {}), at("externalId", "X")), 403, "insufficient-scope"],
      [await putUnit(send("PUT", "/units/X", sync, "{not json"), at("externalId", "X")), 400, "invalid-request"],
      [await putUnit(send("PUT", "/units/X", sync, "[1]"), at("externalId", "X")), 400, "invalid-request"],
      [await putUnit(send("PUT", "/units/a%2Fb", sync, {}), at("externalId", "a/b")), 400, "invalid-request"],
      [
        await putUnit(send("PUT", "/units/X", sync, { name: "Phường Y", kind: "WARD", code: "Y-1", colour: "đỏ" }), at("externalId", "X")),
        422,
        "validation",
        [{ pointer: "/colour", detail: "Trường không được hỗ trợ." }],
      ],
      [
        await putUnit(send("PUT", "/units/X", sync, { name: "Phường Y", kind: "CITY", code: "Y-1" }), at("externalId", "X")),
        422,
        "validation",
        [{ pointer: "/kind", detail: expect.any(String) }],
      ],
      [
        await putUser(send("PUT", "/users/P", sync, { email: "a@b.vn", fullName: "A", jobTitle: "B", role: "UNIT_HEAD", unitExternalId: "NO-SUCH" }), at("externalId", "P")),
        422,
        "validation",
        [{ pointer: "/unitExternalId", detail: "Đơn vị không tồn tại" }],
      ],
    ];
    for (const [response, status, type, errors] of cases) {
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = await response.json();
      expect(body, JSON.stringify(body)).toMatchObject({ status, type: `https://camket.vn/problems/${type}` });
      if (errors) expect(body.errors).toEqual(errors);
    }
    expect({ units: await prisma.unit.count(), users: await prisma.user.count(), audits: await audits() }).toEqual(before);
  });
});

describe("POST /api/v1/campaigns and /campaigns/{id}/launch", () => {
  it("creates a draft, launches it; launching twice is a conflict; an unknown id is 404; a bad field is named", async () => {
    const { admin, campaigns, sync } = await tokens();
    const unit = await prisma.unit.create({ data: { name: `Phường API ${Date.now()}`, slug: `phuong-api-${Date.now()}`, code: `API${Date.now() % 100000}`, kind: "WARD" } });
    await prisma.user.create({ data: { email: `api-head-${Date.now()}@phanthiet.gov.vn`, fullName: "Lê API", jobTitle: "Chủ tịch UBND phường", role: "UNIT_HEAD", unitId: unit.id, passwordHash: "x" } });
    const input = {
      name: "Cam kết qua API",
      templateVersionId: await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT),
      unitSelection: { mode: "UNITS", unitIds: [unit.id] },
      deadline: "2099-12-31",
      documentDate: "2017-01-04",
    };
    expect((await postCampaign(send("POST", "/campaigns", sync, input))).status).toBe(403);
    const bad = await postCampaign(send("POST", "/campaigns", campaigns, { ...input, deadline: "2001-01-01" }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors).toEqual([{ pointer: "/deadline", detail: expect.any(String) }]);

    const created = await postCampaign(send("POST", "/campaigns", campaigns, input));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(created.headers.get("location")).toBe(`/api/v1/campaigns/${id}/status`);
    const launched = await launch(send("POST", `/campaigns/${id}/launch`, campaigns, ""), at("id", id));
    expect(await launched.json()).toEqual({ id, status: "LAUNCHED" });
    expect(await prisma.assignment.count({ where: { campaignId: id } })).toBe(1);
    const twice = await launch(send("POST", `/campaigns/${id}/launch`, campaigns, ""), at("id", id));
    expect(twice.status).toBe(409);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await launch(send("POST", `/campaigns/${unknown}/launch`, campaigns, ""), at("id", unknown))).status).toBe(404);
  });
});

describe("the document-management system: the issued PDF and its receipt", () => {
  it("fetches the issued PDF with an issue-only token, acknowledges it once (a repeat keeps the first), audited", async () => {
    const { clerk, ids } = await issuanceFixture(1);
    const [id] = ids as [string];
    expect(await issueAssignments(clerk, { assignmentIds: [id] })).toMatchObject({ ok: true });
    const admin = await createActor("ADMIN");
    const dms = (await createApiToken(admin, { name: "QLVB&ĐH", scopes: ["issue"] })).token!;
    const reader = (await createApiToken(await createActor("AUDITOR"), { name: "kiểm toán" })).token!;

    const pdf = await assignmentPdf(send("GET", `/assignments/${id}/pdf?version=ISSUED`, dms, ""), at("id", id));
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    expect((await receipt(send("POST", `/assignments/${id}/receipt`, reader, {}), at("id", id))).status).toBe(403);
    expect((await receipt(send("POST", `/assignments/${id}/receipt`, dms, { reference: "x", extra: 1 }), at("id", id))).status).toBe(422);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await receipt(send("POST", `/assignments/${unknown}/receipt`, dms, {}), at("id", unknown))).status).toBe(404);
    expect(await prisma.outgoingDocument.findUniqueOrThrow({ where: { assignmentId: id } })).toMatchObject({ receivedAt: null });

    const first = await receipt(send("POST", `/assignments/${id}/receipt`, dms, { reference: "1234/VP-TN" }), at("id", id));
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ numberAndCode: expect.stringMatching(/^\d{2,}\/CK-UBND$/), reference: "1234/VP-TN" });
    const events = await prisma.auditEvent.count({ where: { type: "ISSUED_DOCUMENT_RECEIVED", assignmentId: id } });
    expect(events).toBe(1);
    const repeat = await receipt(send("POST", `/assignments/${id}/receipt`, dms, { reference: "khác" }), at("id", id));
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual(body);
    expect(await prisma.auditEvent.count({ where: { type: "ISSUED_DOCUMENT_RECEIVED", assignmentId: id } })).toBe(1);
  });
});

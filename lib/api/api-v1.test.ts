import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { apiTokenHash, generateApiToken } from "@/lib/api-tokens/api-token-hash";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { GET as listCampaignsRoute } from "@/app/api/v1/campaigns/route";
import { GET as campaignStatusRoute } from "@/app/api/v1/campaigns/[id]/status/route";
import { GET as assignmentPdfRoute } from "@/app/api/v1/assignments/[id]/pdf/route";
import { GET as archiveRoute } from "@/app/api/v1/campaigns/[id]/archive.zip/route";

const get = (url: string, token?: string) =>
  new Request(`http://localhost/api/v1${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

async function auditorToken() {
  const auditor = await createActor("AUDITOR");
  const created = await createApiToken(auditor, { name: "Kịch bản kiểm toán" });
  return { auditor, token: created.token!, created };
}

describe("personal API tokens", () => {
  it("are shown once, stored only as a SHA-256, listed without the secret; unit heads cannot create one", async () => {
    const { auditor, token, created } = await auditorToken();
    expect(created).toMatchObject({ ok: true, message: "Đã tạo khóa “Kịch bản kiểm toán”. Hãy sao chép ngay: khóa chỉ hiển thị một lần." });
    expect(token).toMatch(/^camket_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { userId: auditor.id } });
    expect(row.tokenHash).toBe(apiTokenHash(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await listApiTokens(auditor)).toEqual([expect.objectContaining({ name: "Kịch bản kiểm toán", prefix: token.slice(0, 14), revokedAt: null })]);
    expect(await createApiToken(await createActor("UNIT_HEAD"), { name: "x" })).toMatchObject({ ok: false, message: "Bạn không có quyền thực hiện thao tác này." });
    expect((await createApiToken(auditor, { name: "  " })).fieldErrors?.name).toEqual(["Tên khóa không được để trống"]);
  });
});

describe("token scopes", () => {
  it("a token holds only scopes its owner's role may hold; without the scope an operation needs: 403 insufficient_scope", async () => {
    const auditor = await createActor("AUDITOR");
    const before = await prisma.apiToken.count();
    expect(await createApiToken(auditor, { name: "ghi", scopes: ["read", "write-units"] })).toMatchObject({
      ok: false,
      fieldErrors: { scopes: ["Vai trò của bạn không được cấp phạm vi này."] },
    });
    expect(await createApiToken(auditor, { name: "rỗng", scopes: [] })).toMatchObject({ ok: false, fieldErrors: { scopes: ["Chọn ít nhất một phạm vi."] } });
    expect(await createApiToken(auditor, { name: "lạ", scopes: ["admin"] })).toMatchObject({ ok: false, fieldErrors: { "scopes.0": ["Phạm vi không hợp lệ."] } });
    expect(await prisma.apiToken.count()).toBe(before);

    const admin = await createActor("ADMIN");
    const sync = await createApiToken(admin, { name: "Đồng bộ nhân sự", scopes: ["write-units"] });
    expect(await prisma.apiToken.findFirstOrThrow({ where: { userId: admin.id } })).toMatchObject({ scopes: ["write-units"] });
    const refused = await listCampaignsRoute(get("/campaigns", sync.token));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="camket", error="insufficient_scope", scope="read"');
    expect(await refused.json()).toEqual({
      type: "https://camket.vn/problems/insufficient-scope",
      title: "Khóa API thiếu phạm vi",
      status: 403,
      detail: "Khóa API này không có phạm vi “read” mà thao tác cần.",
      scope: "read",
    });
  });
});

describe("/api/v1", () => {
  it("401 without a token, with an unknown token and with a revoked one; JSON in Vietnamese", async () => {
    const { auditor, token } = await auditorToken();
    const none = await listCampaignsRoute(get("/campaigns"));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect(await none.json()).toEqual({
      type: "https://camket.vn/problems/unauthorized",
      title: "Thiếu hoặc sai khóa API",
      status: 401,
      detail: "Thiếu khóa API: gửi tiêu đề “Authorization: Bearer <khóa>”.",
    });
    expect((await listCampaignsRoute(get("/campaigns", generateApiToken()))).status).toBe(401);

    expect((await listCampaignsRoute(get("/campaigns", token))).status).toBe(200);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { userId: auditor.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(await revokeApiToken(await createActor("AUDITOR"), row.id)).toMatchObject({ ok: false }); // not theirs
    expect(await revokeApiToken(auditor, row.id)).toEqual({ ok: true, message: "Đã thu hồi khóa." });
    const revoked = await listCampaignsRoute(get("/campaigns", token));
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ status: 401, detail: "Khóa API không hợp lệ hoặc đã bị thu hồi." });
  });

  it("403 for a unit head's token, on every route", async () => {
    const { heads, campaignId } = await launchTestCampaign(1);
    const token = generateApiToken();
    await prisma.apiToken.create({ data: { userId: heads[0]!.user.id, name: "khóa của trưởng đơn vị", tokenHash: apiTokenHash(token), prefix: token.slice(0, 14) } });
    for (const response of [
      await listCampaignsRoute(get("/campaigns", token)),
      await campaignStatusRoute(get(`/campaigns/${campaignId}/status`, token), params(campaignId)),
      await assignmentPdfRoute(get(`/assignments/${heads[0]!.assignment.id}/pdf`, token), params(heads[0]!.assignment.id)),
      await archiveRoute(get(`/campaigns/${campaignId}/archive.zip`, token), params(campaignId)),
    ]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ type: "https://camket.vn/problems/forbidden", status: 403, detail: "Tài khoản của khóa này không có quyền đọc dữ liệu lưu trữ." });
    }
  });

  it("happy path: campaigns, status, a PDF (audited download) and the archive; 404 and 400 as JSON", async () => {
    const { heads, campaignId } = await launchTestCampaign(2);
    const { token, auditor } = await auditorToken();
    const list = await (await listCampaignsRoute(get("/campaigns", token))).json();
    expect(list.campaigns).toEqual(expect.arrayContaining([expect.objectContaining({ id: campaignId, status: "LAUNCHED", total: 2, signed: 0 })]));

    const status = await campaignStatusRoute(get(`/campaigns/${campaignId}/status`, token), params(campaignId));
    const body = await status.json();
    expect(body).toMatchObject({ id: campaignId, counts: { PENDING: 2 } });
    expect(body.assignments.map((a: { id: string }) => a.id).sort()).toEqual(heads.map((h) => h.assignment.id).sort());

    const assignmentId = heads[0]!.assignment.id;
    const pdf = await assignmentPdfRoute(get(`/assignments/${assignmentId}/pdf?version=ORIGINAL`, token), params(assignmentId));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("x-content-sha256")).toBe(heads[0]!.assignment.documentSha256);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ type: "DOCUMENT_DOWNLOADED", actorId: auditor.id, assignmentId });

    const zip = await archiveRoute(get(`/campaigns/${campaignId}/archive.zip`, token), params(campaignId));
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

    const missing = await campaignStatusRoute(get(`/campaigns/${UNKNOWN}/status`, token), params(UNKNOWN));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: "https://camket.vn/problems/not-found", status: 404, detail: "Không tìm thấy." });
    expect((await assignmentPdfRoute(get(`/assignments/not-an-id/pdf`, token), params("not-an-id"))).status).toBe(404);
    expect((await archiveRoute(get(`/campaigns/${UNKNOWN}/archive.zip`, token), params(UNKNOWN))).status).toBe(404);
    const bad = await assignmentPdfRoute(get(`/assignments/${assignmentId}/pdf?version=FAKE`, token), params(assignmentId));
    expect(bad.status).toBe(400);
  });
});

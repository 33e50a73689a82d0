import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { saveTemplateDraft } from "./save-template-draft";
import { publishTemplateVersion } from "./publish-template-version";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { canonicalContentHash } from "@/lib/documents/commitment-content";
import { createActor } from "@/lib/test/factories";
import { contentToFormValues, templateFormToContent } from "./template-form";

describe("template versions", () => {
  it("publishing freezes a version under its content hash and supersedes the previous one", async () => {
    const admin = await createActor("ADMIN");
    const first = await saveTemplateDraft(admin, DEFAULT_COMMITMENT_CONTENT);
    expect((await publishTemplateVersion(admin, first.id!)).ok).toBe(true);
    const changed = { ...DEFAULT_COMMITMENT_CONTENT, title: "BẢN CAM KẾT (sửa đổi)" };
    const second = await saveTemplateDraft(admin, changed);
    expect(second.id).not.toBe(first.id);
    expect((await publishTemplateVersion(admin, second.id!)).ok).toBe(true);

    const [v1, v2] = await Promise.all([
      prisma.templateVersion.findUniqueOrThrow({ where: { id: first.id } }),
      prisma.templateVersion.findUniqueOrThrow({ where: { id: second.id } }),
    ]);
    expect(v1.status).toBe("SUPERSEDED");
    expect(v2).toMatchObject({ status: "PUBLISHED", contentHash: canonicalContentHash(changed) });
    expect(v2.version).toBe(v1.version + 1);
    expect(await publishTemplateVersion(admin, second.id!)).toMatchObject({ ok: false });
  });

  it("the database itself refuses to edit a published version", async () => {
    const admin = await createActor("ADMIN");
    const draft = await saveTemplateDraft(admin, DEFAULT_COMMITMENT_CONTENT);
    await publishTemplateVersion(admin, draft.id!);
    await expect(prisma.templateVersion.update({ where: { id: draft.id }, data: { content: { title: "khác" } } })).rejects.toThrow(/published/);
  });

  it("refuses to save a malformed template, with messages by field, and saves nothing", async () => {
    const admin = await createActor("ADMIN");
    const before = await prisma.templateVersion.count();
    const result = await saveTemplateDraft(admin, { ...DEFAULT_COMMITMENT_CONTENT, title: "", commitments: [], commitmentIntro: "Tôi, {ten_sai}, cam kết" });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.title).toEqual(["Tiêu đề không được để trống"]);
    expect(result.fieldErrors?.commitments).toEqual(["Nội dung cam kết phải có ít nhất 1 mục"]);
    expect(result.fieldErrors?.commitmentIntro).toEqual(["Lời cam kết có chỗ điền không hợp lệ: {ten_sai}"]);
    expect(await saveTemplateDraft(admin, "không phải JSON đối tượng")).toMatchObject({ ok: false });
    expect(await prisma.templateVersion.count()).toBe(before);
  });

  it("words the template's validation messages for an English-speaking admin", async () => {
    const admin = { ...(await createActor("ADMIN")), locale: "en" as const };
    const result = await saveTemplateDraft(admin, { ...DEFAULT_COMMITMENT_CONTENT, title: "", commitments: [], commitmentIntro: "Tôi, {ten_sai}, cam kết" });
    expect(result.fieldErrors?.title).toEqual(["Title is required"]);
    expect(result.fieldErrors?.commitments).toEqual(["Commitments must have at least 1 item"]);
    expect(result.fieldErrors?.commitmentIntro).toEqual(["Commitment statement contains an unknown placeholder: {ten_sai}"]);
    expect(await publishTemplateVersion(admin, "00000000-0000-4000-8000-000000000000")).toEqual({
      ok: false,
      message: "This template version does not exist.",
    });
  });

  it("refuses a NUL byte or an emoji from the editor form with a message naming it, and stores nothing", async () => {
    const admin = await createActor("ADMIN");
    const form = new FormData();
    const values = { ...contentToFormValues(DEFAULT_COMMITMENT_CONTENT), commitmentIntro: "Tôi cam kết\u0000 thực hiện", commitments: "Mục một\nMục hai 😀" };
    for (const [name, value] of Object.entries(values)) form.set(name, value);
    const [versions, events] = [await prisma.templateVersion.count(), await prisma.auditEvent.count({ where: { type: "TEMPLATE_SAVED" } })];
    const result = await saveTemplateDraft(admin, templateFormToContent(form));
    expect(result).toMatchObject({ ok: false, message: "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu." });
    expect(result.fieldErrors?.commitmentIntro).toEqual(["Ký tự không in được trong văn bản: U+0000"]);
    expect(result.fieldErrors?.["commitments.1"]).toEqual(["Ký tự không in được trong văn bản: 😀 (U+1F600)"]);
    expect(await prisma.templateVersion.count()).toBe(versions);
    expect(await prisma.auditEvent.count({ where: { type: "TEMPLATE_SAVED" } })).toBe(events);
  });

  it("refuses to publish a draft stored before the rule that holds a character the PDF cannot print", async () => {
    const admin = await createActor("ADMIN");
    const draft = await saveTemplateDraft(admin, DEFAULT_COMMITMENT_CONTENT);
    await prisma.templateVersion.update({ where: { id: draft.id }, data: { content: { ...DEFAULT_COMMITMENT_CONTENT, title: "BẢN CAM KẾT 中" } } });
    const result = await publishTemplateVersion(admin, draft.id!);
    expect(result.fieldErrors?.title).toEqual(["Ký tự không in được trong văn bản: 中 (U+4E2D)"]);
    expect(await prisma.templateVersion.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "DRAFT", contentHash: null });
    await prisma.templateVersion.update({ where: { id: draft.id }, data: { content: DEFAULT_COMMITMENT_CONTENT } });
  });
});

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DEFAULT_COMMITMENT_CONTENT } from "@/lib/documents/default-commitment-content";
import { createActor, createTestUnit, publishTestTemplate } from "@/lib/test/factories";
import { createCampaign } from "./create-campaign";
import { campaignFormToInput } from "./campaign-schemas";

async function form(fields: Record<string, string>) {
  const admin = await createActor("ADMIN");
  const unit = await createTestUnit();
  const data = new FormData();
  const all = { name: "Cam kết thử nơi nhận", templateVersionId: await publishTestTemplate(admin, DEFAULT_COMMITMENT_CONTENT), deadline: "2099-12-31", documentDate: "2017-01-04", unitMode: "UNITS", unitIds: unit.id, ...fields };
  for (const [key, value] of Object.entries(all)) data.append(key, value);
  return { admin, input: campaignFormToInput(data) };
}

describe("createCampaign: recipients and the document type code (Decree 30 App. I ô 3, ô 9b)", () => {
  it("stores one recipient per typed line without the list dash and blank lines, and the code upper-cased; CK by default", async () => {
    const typed = await form({ recipients: "- Như trên;\r\n\n  Chủ tịch UBND thành phố (để b/c);  \n– Phòng Nội vụ;\n", documentTypeCode: "kh" });
    const created = await createCampaign(typed.admin, typed.input);
    expect(created.ok).toBe(true);
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      recipients: ["Như trên;", "Chủ tịch UBND thành phố (để b/c);", "Phòng Nội vụ;"],
      documentTypeCode: "KH",
    });
    const plain = await form({ recipients: "", documentTypeCode: "" });
    const byDefault = await createCampaign(plain.admin, plain.input);
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: byDefault.id } })).toMatchObject({ recipients: [], documentTypeCode: "CK" });
  });

  it("refuses more than 15 recipients, a line over 200 characters and a malformed code, creating nothing", async () => {
    const before = await prisma.campaign.count();
    const many = await form({ recipients: Array.from({ length: 16 }, (_, i) => `Nơi nhận ${i + 1};`).join("\n") });
    expect((await createCampaign(many.admin, many.input)).fieldErrors).toEqual({ recipients: ["Tối đa 15 nơi nhận"] });
    const long = await form({ recipients: `Như trên;\n${"a".repeat(201)}` });
    expect((await createCampaign(long.admin, long.input)).fieldErrors).toEqual({ "recipients.1": ["Mỗi nơi nhận tối đa 200 ký tự"] });
    for (const code of ["C-K", "CAMKETDAIHAN", "ĐK", "C1"]) {
      const bad = await form({ documentTypeCode: code });
      expect((await createCampaign(bad.admin, bad.input)).fieldErrors, code).toEqual({ documentTypeCode: ["Từ 1 đến 10 chữ in hoa không dấu"] });
    }
    expect(await prisma.campaign.count()).toBe(before);
  });
});

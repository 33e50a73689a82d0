import { describe, expect, it } from "vitest";
import { createActor } from "@/lib/test/factories";
import { archiveResponse } from "./archive-response";

describe("archive download refusals", () => {
  it("are worded in the reader's language", async () => {
    const head = await createActor("UNIT_HEAD");
    const refused = await archiveResponse(head, "00000000-0000-4000-8000-000000000000", {});
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ detail: "Bạn không có quyền tải bộ lưu trữ." });

    const english = await archiveResponse({ ...head, locale: "en" }, "00000000-0000-4000-8000-000000000000", {});
    expect(await english.json()).toMatchObject({ detail: "You do not have permission to download the archive." });
    const missing = await archiveResponse({ ...(await createActor("AUDITOR")), locale: "en" }, "not-an-id", {});
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ detail: "Campaign not found." });
  });
});

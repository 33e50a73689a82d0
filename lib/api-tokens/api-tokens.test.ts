import { describe, expect, it } from "vitest";
import { createActor } from "@/lib/test/factories";
import { createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";

describe("API tokens for an English reader", () => {
  it("creation, revocation, refusals and field errors are in English", async () => {
    const auditor = { ...(await createActor("AUDITOR")), locale: "en" as const };
    const created = await createApiToken(auditor, { name: "Audit script" });
    expect(created).toMatchObject({ ok: true, message: "Key “Audit script” created. Copy it now: it is shown only once." });
    expect((await createApiToken(auditor, { name: " " })).fieldErrors?.name).toEqual(["Key name is required"]);
    expect(await revokeApiToken(auditor, "not-an-id")).toEqual({ ok: false, message: "Key not found." });
    expect(await revokeApiToken(auditor, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, message: "Key not found (or already revoked)." });
    const head = { ...(await createActor("UNIT_HEAD")), locale: "en" as const };
    expect(await createApiToken(head, { name: "x" })).toEqual({ ok: false, message: "You are not allowed to do this." });
  });
});

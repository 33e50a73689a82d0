import { describe, expect, it } from "vitest";
import { issuanceFixture } from "@/lib/issuance/testing/issuance-fixture";
import { getAssignmentForActor } from "./get-assignment-for-actor";

describe("a clerk's view of assignments", () => {
  it("opens its own body's units' documents, with the register's number once issued, and not another body's", async () => {
    const own = await issuanceFixture(1);
    const other = await issuanceFixture(1, { seal: false });
    expect(await getAssignmentForActor(own.clerk, own.ids[0]!)).toMatchObject({ id: own.ids[0], outgoing: null });
    expect(await getAssignmentForActor(own.clerk, other.ids[0]!)).toBeNull();
    expect(await getAssignmentForActor(other.clerk, own.ids[0]!)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { countStatements } from "@/lib/test/count-statements";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { createActor, launchTestCampaign } from "@/lib/test/factories";
import { signAssignment } from "./sign-assignment";
import { countersignAssignment, startCountersigning } from "./countersign-assignment";
import { getSigningIdentity } from "./user-certificate-store";
import { getBuiltInTsa } from "@/lib/timestamping/get-built-in-tsa";

const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
/**
 * Issue 12 asked for at most 6: one read (assignment, unit, slots, certificate, password hash, throttle row) and
 * one store statement (file row, status, document row, audit event; BEGIN and COMMIT would count).
 */
const MAX_STATEMENTS = 2;

describe("the signing hot path", () => {
  it(`signs and countersigns in at most ${MAX_STATEMENTS} SQL statements each, password check included`, async () => {
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    const chair = await createActor("CHAIRPERSON");
    // Certificates exist ahead of need (issued at launch / account creation), so the request issues none.
    await getSigningIdentity(head.actor);
    await getSigningIdentity(chair);
    // The built-in TSA's key is opened once per process (every signature is B-T), not per request.
    await getBuiltInTsa();

    const input = { assignmentId: head.assignment.id, reviewedSha256: head.assignment.documentSha256, password: head.password, signatureImage: png };
    let signed: unknown;
    const signing = await countStatements(async () => (signed = await signAssignment(head.actor, input)));
    expect(signed).toMatchObject({ ok: true });
    expect(signing.length, signing.join("\n---\n")).toBeLessThanOrEqual(MAX_STATEMENTS);

    const { grant } = await startCountersigning(chair, "MatKhau@123");
    let countersigned: unknown;
    const countersigning = await countStatements(
      async () => (countersigned = await countersignAssignment(chair, { assignmentId: head.assignment.id, grant, signatureImage: png })),
    );
    expect(countersigned).toMatchObject({ ok: true });
    expect(countersigning.length, countersigning.join("\n---\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});

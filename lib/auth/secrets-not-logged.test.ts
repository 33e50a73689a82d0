import { afterEach, describe, expect, it, vi } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { countersignAssignment, startCountersigning } from "@/lib/signatures/countersign-assignment";
import { masterKeyText } from "@/lib/signatures/master-key";
import { createActor, launchTestCampaign, signAsHead, signatureDataUrl } from "@/lib/test/factories";
import { authOptions } from "./auth-options";

const authorize = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options.authorize;
const png = signatureDataUrl();

/** Everything the app writes to the console while it handles passwords, keys, grants and tokens. */
function captureConsole() {
  const lines: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("secrets never reach the logs or the audit trail", () => {
  it("passwords, the master key, countersigning grants and API tokens appear in no console output and no audit event", async () => {
    const lines = captureConsole();
    const { heads } = await launchTestCampaign(1);
    const [head] = heads;
    await expect(authorize({ email: head!.user.email, password: "DoanSai#123" }, { headers: {} } as never)).rejects.toThrow();
    await authorize({ email: head!.user.email, password: head!.password }, { headers: {} } as never);
    expect(await signAsHead(head!)).toMatchObject({ ok: true });

    const chair = await createActor("CHAIRPERSON");
    expect(await startCountersigning(chair, "DoanSai#456")).toMatchObject({ ok: false });
    const start = await startCountersigning(chair, "MatKhau@123");
    await countersignAssignment(chair, { assignmentId: head!.assignment.id, grant: start.grant, signatureImage: png });
    const token = (await createApiToken(await createActor("AUDITOR"), { name: "Kịch bản nhật ký" })).token!;

    expect(start.grant).toBeTruthy();
    expect(token).toBeTruthy();
    const secrets = [head!.password, "DoanSai#123", "DoanSai#456", "MatKhau@123", masterKeyText(), start.grant!, token];
    const events = await prisma.auditEvent.findMany({ select: { data: true, actorEmail: true, userAgent: true } });
    const written = lines.join("\n") + JSON.stringify(events);
    for (const secret of secrets) expect(written).not.toContain(secret);
  });
});

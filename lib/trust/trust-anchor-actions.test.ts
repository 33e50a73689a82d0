import "reflect-metadata";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { createActor } from "@/lib/test/factories";
import { createTestCa, fingerprintOf } from "@/lib/signing/testing/external-test-ca";
import { vi as viMessages } from "@/lib/i18n/messages/vi";

let sessionActor: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => sessionActor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "trust-anchor-actions.test" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const { addTrustAnchorAction, setTrustAnchorEnabledAction } = await import("@/app/(app)/quan-tri/tin-cay/actions");
const upload = (fields: Record<string, string | Blob>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v as string);
  return form;
};

describe("trust list actions", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await createActor("ADMIN");
  });

  it("an admin uploads a DER file; the event names the admin", async () => {
    sessionActor = admin;
    const ca = await createTestCa("Action DER Root");
    const result = await addTrustAnchorAction({ ok: false }, upload({ file: new File([Buffer.from(ca.certDer)], "root.cer") }));
    expect(result).toMatchObject({ ok: true });
    const row = await prisma.trustAnchor.findUniqueOrThrow({ where: { sha256Fingerprint: fingerprintOf(ca.certDer) } });
    expect(row.createdById).toBe(admin.id);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: admin.id }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({ actorEmail: admin.email, userAgent: "trust-anchor-actions.test" });
  });

  it("pasted PEM works when no file is chosen; an empty form asks for input", async () => {
    sessionActor = admin;
    const ca = await createTestCa("Action PEM Root");
    expect(await addTrustAnchorAction({ ok: false }, upload({ file: new File([], ""), pem: ca.certPem }))).toMatchObject({ ok: true });
    expect(await addTrustAnchorAction({ ok: false }, upload({}))).toEqual({ ok: false, message: viMessages.admin.trustList.noInput });
  });

  it("an oversized file is refused before it is read", async () => {
    sessionActor = admin;
    const big = new File([new Uint8Array(400 * 1024)], "big.pem");
    const spy = vi.spyOn(big, "arrayBuffer");
    expect(await addTrustAnchorAction({ ok: false }, upload({ file: big }))).toEqual({ ok: false, message: viMessages.admin.trustList.tooLarge });
    expect(spy).not.toHaveBeenCalled();
  });

  it("a head, a chairperson or nobody is forbidden and the file is not read; nothing changes", async () => {
    const ca = await createTestCa("Action Forbidden Root");
    const before = await prisma.trustAnchor.count();
    const anchor = await prisma.trustAnchor.findFirstOrThrow();
    for (const actor of [await createActor("UNIT_HEAD"), await createActor("CHAIRPERSON"), null]) {
      sessionActor = actor;
      const file = new File([Buffer.from(ca.certDer)], "root.cer");
      const spy = vi.spyOn(file, "arrayBuffer");
      expect(await addTrustAnchorAction({ ok: false }, upload({ file }))).toEqual({ ok: false, message: viMessages.common.form.forbidden });
      expect(spy).not.toHaveBeenCalled();
      expect(await setTrustAnchorEnabledAction(anchor.id, !anchor.enabled, { ok: false })).toEqual({ ok: false, message: viMessages.common.form.forbidden });
    }
    expect(await prisma.trustAnchor.count()).toBe(before);
    expect((await prisma.trustAnchor.findUniqueOrThrow({ where: { id: anchor.id } })).enabled).toBe(anchor.enabled);
  });
});

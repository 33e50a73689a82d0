import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import type { FormResult } from "@/lib/forms/form-result";
import { vi as viMessages } from "@/lib/i18n/messages/vi";
import { createSignaturePng } from "@/lib/signing/testing/signature-png";
import { createTestCa } from "@/lib/signing/testing/external-test-ca";
import { addAnchorRow } from "@/lib/trust/testing/trust-fixtures";
import { actorFor, createActor, createTestUnit, createTestUser, launchTestCampaign } from "@/lib/test/factories";

/**
 * Every server action in app/ × the four roles and signed-out, called as the browser would call it (the
 * action itself, with the session it would see): roles outside the row are refused with the forbidden
 * message and the database does not change; roles inside are not refused. A new action without a row
 * fails the guard at the bottom.
 */

let sessionActor: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => sessionActor,
  // A complete session (second factor given or not needed): the state in which every other action runs.
  getSignedInPerson: async () => sessionActor && { actor: sessionActor, secondFactor: "done", sessionVersion: 0 },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "server-action-access.test" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

type Role = Actor["role"];
const ROLES: Role[] = ["ADMIN", "CHAIRPERSON", "UNIT_HEAD", "AUDITOR"];
const FORBIDDEN = viMessages.common.form.forbidden;
const png = `data:image/png;base64,${Buffer.from(createSignaturePng()).toString("base64")}`;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const idle: FormResult = { ok: false };

type Fixture = Awaited<ReturnType<typeof buildFixture>>;
type ActionRow = { allow: Role[] | "signed-in" | "anyone"; call: (f: Fixture) => Promise<unknown> };

async function buildFixture() {
  const { admin, campaignId, heads } = await launchTestCampaign(2);
  const [own, other] = heads;
  const unit = await createTestUnit("AGENCY");
  const user = await createTestUser({ role: "AUDITOR" });
  const template = await prisma.templateVersion.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  const certificate = await prisma.userCertificate.findFirst({ select: { id: true } });
  const trustAnchor = await addAnchorRow(await createTestCa("Access Test Root"));
  const actors: Record<Role, Actor> = {
    ADMIN: admin,
    CHAIRPERSON: await createActor("CHAIRPERSON"),
    UNIT_HEAD: own!.actor,
    AUDITOR: await actorFor(user.id),
    CLERK: await createActor("CLERK"),
    DEPUTY: await createActor("DEPUTY"),
  };
  return { actors, campaignId, own: own!, other: other!, unit, user, template, certificateId: certificate?.id ?? "00000000-0000-4000-8000-000000000000", trustAnchorId: trustAnchor.id };
}

const load = () =>
  Promise.all([
    import("@/app/language-actions"),
    import("@/app/(app)/cam-ket/[id]/actions"),
    import("@/app/(app)/theo-doi/actions"),
    import("@/app/(app)/luu-tru/actions"),
    import("@/app/(app)/kiem-tra/actions"),
    import("@/app/(app)/quan-tri/actions"),
    import("@/app/(app)/quan-tri/nguoi-dung/[id]/actions"),
    import("@/app/(app)/quan-tri/chien-dich/actions"),
    import("@/app/(app)/quan-tri/mau-cam-ket/actions"),
    import("@/app/(app)/quan-tri/chung-thu/actions"),
    import("@/app/(app)/quan-tri/tin-cay/actions"),
    import("@/app/(app)/quan-tri/webhook/actions"),
    import("@/app/(app)/quan-tri/co-quan-ban-hanh/actions"),
    import("@/app/(app)/chu-ky-so/actions"),
    import("@/app/(app)/quan-tri/uy-quyen/actions"),
    import("@/app/(app)/theo-doi/closing-actions"),
    import("@/app/(app)/van-thu/actions"),
    import("@/app/(auth)/xac-thuc-hai-buoc/actions"),
    import("@/app/(auth)/tai-khoan/bao-mat/actions"),
  ]).then((modules) => Object.assign({}, ...modules) as Record<string, (...args: never[]) => Promise<unknown>>);

const ADMIN: Role[] = ["ADMIN"];
const CITY: Role[] = ["ADMIN", "CHAIRPERSON", "AUDITOR"];
const SIGNERS: Role[] = ["UNIT_HEAD", "CHAIRPERSON"];

/** Valid arguments throughout, so a refusal can only come from the role check. */
const ACTIONS: Record<string, ActionRow> = {
  setLocaleAction: { allow: "anyone", call: async () => (await load()).setLocaleAction!("vi" as never) },
  signAssignmentAction: {
    allow: ["UNIT_HEAD"],
    call: async (f) =>
      (await load()).signAssignmentAction!(
        ...([f.own.assignment.id, f.own.assignment.documentSha256, idle, form({ password: "sai-mat-khau", signatureImage: png })] as never[]),
      ),
  },
  declineAssignmentAction: {
    allow: ["UNIT_HEAD"],
    call: async (f) => (await load()).declineAssignmentAction!(...([f.own.assignment.id, idle, form({ reason: "" })] as never[])),
  },
  registerCertificateAction: { allow: SIGNERS, call: async () => (await load()).registerCertificateAction!({ method: "PKCS12", certificate: "" } as never) },
  prepareExternalSignaturesAction: {
    allow: SIGNERS,
    call: async (f) => (await load()).prepareExternalSignaturesAction!({ assignmentIds: [f.own.assignment.id], method: "PKCS12", certificate: "" } as never),
  },
  finalizeExternalSignaturesAction: {
    allow: SIGNERS,
    call: async () => (await load()).finalizeExternalSignaturesAction!({ signatures: [{ pendingId: "00000000-0000-4000-8000-000000000000", signature: "AAAA" }] } as never),
  },
  listCscCredentialsAction: { allow: SIGNERS, call: async () => (await load()).listCscCredentialsAction!() },
  sendCscOtpAction: { allow: SIGNERS, call: async () => (await load()).sendCscOtpAction!("credential-1" as never) },
  signHashesWithCscAction: {
    allow: SIGNERS,
    call: async () => (await load()).signHashesWithCscAction!({ credentialId: "credential-1", hashes: [Buffer.alloc(32).toString("base64")] } as never),
  },
  setSigningOptionsAction: {
    allow: ADMIN,
    call: async (f) => (await load()).setSigningOptionsAction!(...([f.user.id, idle, form({ signingMethods: "SERVER_KEY", certificateIdentifier: "" })] as never[])),
  },
  decideCertificateBindingAction: {
    allow: ADMIN,
    call: async (f) => (await load()).decideCertificateBindingAction!(...([f.user.id, f.certificateId, "approve", idle] as never[])),
  },
  startCountersigningAction: { allow: ["CHAIRPERSON"], call: async () => (await load()).startCountersigningAction!("sai-mat-khau" as never) },
  countersignChunkAction: {
    allow: ["CHAIRPERSON"],
    call: async (f) => (await load()).countersignChunkAction!(...([[f.own.assignment.id], "not-a-grant", png] as never[])),
  },
  reissueAssignmentAction: {
    allow: ["CHAIRPERSON", "ADMIN"],
    call: async (f) => (await load()).reissueAssignmentAction!(...([f.own.assignment.id, idle] as never[])),
  },
  remindAction: {
    allow: ["CHAIRPERSON", "ADMIN"],
    call: async (f) => (await load()).remindAction!(...(["not-a-campaign-id", f.own.assignment.id, idle] as never[])),
  },
  issueAction: { allow: ["CLERK"], call: async (f) => (await load()).issueAction!(...([idle, form({ only: f.own.assignment.id })] as never[])) },
  verifyAuditChainAction: { allow: CITY, call: async () => (await load()).verifyAuditChainAction!() },
  createApiTokenAction: { allow: CITY, call: async () => (await load()).createApiTokenAction!(...([idle, form({ name: "" })] as never[])) },
  revokeApiTokenAction: {
    allow: CITY,
    call: async () => (await load()).revokeApiTokenAction!(...(["00000000-0000-4000-8000-000000000000", idle] as never[])),
  },
  verifyPdfAction: {
    allow: "signed-in",
    call: async () => (await load()).verifyPdfAction!(...([null, form({})] as never[])),
  },
  saveUnitAction: {
    allow: ADMIN,
    call: async () => (await load()).saveUnitAction!(...([undefined, idle, form({ name: "", kind: "WARD", code: "" })] as never[])),
  },
  setUnitActiveAction: { allow: ADMIN, call: async (f) => (await load()).setUnitActiveAction!(...([f.unit.id, true, idle] as never[])) },
  assignUnitHeadAction: {
    allow: ADMIN,
    call: async (f) => (await load()).assignUnitHeadAction!(...([f.unit.id, idle, form({ userId: "" })] as never[])),
  },
  saveUserAction: { allow: ADMIN, call: async () => (await load()).saveUserAction!(...([undefined, idle, form({ email: "" })] as never[])) },
  setUserActiveAction: { allow: ADMIN, call: async (f) => (await load()).setUserActiveAction!(...([f.user.id, true, idle] as never[])) },
  resetUserPasswordAction: {
    allow: ADMIN,
    call: async (f) => (await load()).resetUserPasswordAction!(...([f.user.id, idle, form({ password: "x", confirm: "y" })] as never[])),
  },
  unlockUserLoginAction: { allow: ADMIN, call: async (f) => (await load()).unlockUserLoginAction!(...([f.user.id, idle] as never[])) },
  resetSecondFactorAction: { allow: ADMIN, call: async (f) => (await load()).resetSecondFactorAction!(...([f.user.id, idle] as never[])) },
  // Only a session that still owes its code may give it; a complete one is refused whatever the role.
  verifySecondFactorAction: { allow: [], call: async () => (await load()).verifySecondFactorAction!(...([idle, form({ code: "123456" })] as never[])) },
  confirmEnrolmentAction: { allow: "signed-in", call: async () => (await load()).confirmEnrolmentAction!(...([idle, form({ code: "123456" })] as never[])) },
  renewRecoveryCodesAction: { allow: "signed-in", call: async () => (await load()).renewRecoveryCodesAction!(...([idle, form({ code: "123456" })] as never[])) },
  disableSecondFactorAction: { allow: "signed-in", call: async () => (await load()).disableSecondFactorAction!(...([idle, form({ code: "123456" })] as never[])) },
  signOutUserEverywhereAction: { allow: ADMIN, call: async (f) => (await load()).signOutUserEverywhereAction!(...([f.user.id, idle] as never[])) },
  saveTemplateDraftAction: { allow: ADMIN, call: async () => (await load()).saveTemplateDraftAction!(...([idle, form({ content: "{}" })] as never[])) },
  startDraftAction: { allow: ADMIN, call: async (f) => (await load()).startDraftAction!(...([f.template.id, idle] as never[])) },
  publishTemplateAction: {
    allow: ADMIN,
    call: async () => (await load()).publishTemplateAction!(...(["00000000-0000-4000-8000-000000000000", idle] as never[])),
  },
  createCampaignAction: { allow: ADMIN, call: async () => (await load()).createCampaignAction!(...([idle, form({ name: "" })] as never[])) },
  launchCampaignAction: {
    allow: ADMIN,
    call: async () => (await load()).launchCampaignAction!(...(["00000000-0000-4000-8000-000000000000", idle] as never[])),
  },
  revokeCertificateAction: {
    allow: ADMIN,
    call: async (f) => (await load()).revokeCertificateAction!(...([f.certificateId, idle, form({ reason: "" })] as never[])),
  },
  issueCertificateAction: {
    allow: ADMIN,
    call: async () => (await load()).issueCertificateAction!(...(["00000000-0000-4000-8000-000000000000", idle] as never[])),
  },
  addTrustAnchorAction: { allow: ADMIN, call: async () => (await load()).addTrustAnchorAction!(...([idle, form({ pem: "not a certificate" })] as never[])) },
  setTrustAnchorEnabledAction: {
    allow: ADMIN,
    call: async (f) => (await load()).setTrustAnchorEnabledAction!(...([f.trustAnchorId, true, idle] as never[])),
  },
  createWebhookEndpointAction: { allow: ADMIN, call: async () => (await load()).createWebhookEndpointAction!(...([idle, form({ name: "", url: "ftp://x" })] as never[])) },
  changeWebhookEndpointAction: { allow: ADMIN, call: async () => (await load()).changeWebhookEndpointAction!(...([crypto.randomUUID(), "disable", idle] as never[])) },
  resendWebhookDeliveryAction: { allow: ADMIN, call: async () => (await load()).resendWebhookDeliveryAction!(...([crypto.randomUUID(), idle] as never[])) },
  grantDelegationAction: { allow: ADMIN, call: async () => (await load()).grantDelegationAction!(...([idle, form({ principalId: "" })] as never[])) },
  revokeDelegationAction: {
    allow: ADMIN,
    call: async () => (await load()).revokeDelegationAction!(...(["00000000-0000-4000-8000-000000000000", idle] as never[])),
  },
  closeCampaignAction: {
    allow: ["ADMIN", "CHAIRPERSON"],
    call: async (f) => (await load()).closeCampaignAction!(...([f.campaignId, idle, form({})] as never[])),
  },
  reopenAssignmentAction: {
    allow: ["CHAIRPERSON"],
    call: async (f) => (await load()).reopenAssignmentAction!(...([f.own.assignment.id, idle, form({ reason: "" })] as never[])),
  },
  saveIssuingBodyAction: { allow: ADMIN, call: async () => (await load()).saveIssuingBodyAction!(...([undefined, idle, form({ name: "" })] as never[])) },
  setIssuingBodyActiveAction: { allow: ADMIN, call: async () => (await load()).setIssuingBodyActiveAction!(...(["city", true, idle] as never[])) },
  uploadSealAction: { allow: ADMIN, call: async () => (await load()).uploadSealAction!(...(["city", idle, form({})] as never[])) },
  setNextNumberAction: { allow: ADMIN, call: async () => (await load()).setNextNumberAction!(...(["city", idle, form({ nextNumber: "0" })] as never[])) },
};

/** Every row of every table that an action could write, hashed: equal before and after means nothing changed. */
async function databaseFingerprint(): Promise<string> {
  const tables = ["Unit", "User", "TemplateVersion", "Campaign", "Assignment", "AssignmentDocument", "AuditEvent", "UserCertificate", "ApiToken", "Reminder", "TrustAnchor", "WebhookEndpoint", "WebhookDelivery"];
  const rows = await Promise.all(
    tables.map((table) =>
      prisma.$queryRawUnsafe<{ digest: string }[]>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`),
    ),
  );
  return rows.map((r) => r[0]!.digest).join(",");
}

/** A successful action may end in redirect(), which throws NEXT_REDIRECT; that is an answer, not a refusal. */
const redirectAsSuccess = (error: unknown): FormResult => {
  if (error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT")) return { ok: true };
  throw error;
};

const allowed = (row: ActionRow, role: Role | null) =>
  row.allow === "anyone" || (role !== null && (row.allow === "signed-in" || row.allow.includes(role)));

describe("server actions × roles", () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await buildFixture();
  });

  for (const [name, row] of Object.entries(ACTIONS)) {
    it(`${name}: refused outside ${JSON.stringify(row.allow)}, changing nothing; not refused inside`, async () => {
      for (const role of [null, ...ROLES]) {
        sessionActor = role ? fixture.actors[role] : null;
        const before = await databaseFingerprint();
        const result = (await row.call(fixture).catch(redirectAsSuccess)) as FormResult | undefined;
        if (allowed(row, role)) {
          expect(result?.message, `${name} as ${role ?? "signed-out"}`).not.toBe(FORBIDDEN);
        } else {
          expect(result, `${name} as ${role ?? "signed-out"}`).toMatchObject({ ok: false });
          if (role !== null || name !== "verifyPdfAction") expect(result?.message, `${name} as ${role ?? "signed-out"}`).toBe(FORBIDDEN);
          expect(await databaseFingerprint(), `${name} as ${role ?? "signed-out"} changed the database`).toBe(before);
        }
      }
    });
  }

  it("a head who puts another unit's commitment id into the sign or decline action reaches nothing", async () => {
    sessionActor = fixture.actors.UNIT_HEAD;
    const { signAssignmentAction, declineAssignmentAction } = await load();
    const before = await databaseFingerprint();
    const foreign = fixture.other.assignment;
    const signed = (await signAssignmentAction!(...([foreign.id, foreign.documentSha256, idle, form({ password: fixture.own.password, signatureImage: png })] as never[]))) as FormResult;
    const declined = (await declineAssignmentAction!(...([foreign.id, idle, form({ reason: "Lý do đủ dài để được chấp nhận" })] as never[]))) as FormResult;
    expect(signed).toEqual({ ok: false, message: "Không tìm thấy bản cam kết." });
    expect(declined).toMatchObject({ ok: false });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("every exported server action in app/ has a row", () => {
    const exported: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && /^["']use server["']/.test(readFileSync(path, "utf8"))) {
          for (const match of readFileSync(path, "utf8").matchAll(/^export async function (\w+)/gm)) exported.push(match[1]!);
        }
      }
    };
    walk(join(process.cwd(), "app"));
    expect(exported.sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

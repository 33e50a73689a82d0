import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/find-active-user";
import { vi as viMessages } from "@/lib/i18n/messages/vi";
import { createActor } from "@/lib/test/factories";

/**
 * Server actions are public endpoints: anyone can post a crafted action request with any arguments. Every
 * exported action runs inside runAction, and every FormData argument goes through readForm, so a wrong
 * argument, a database outage or a bug answers with a plain message — never a 500 or the error's text.
 */

let currentUser: () => Promise<Actor | null> = async () => null;
vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: () => currentUser(),
  getSignedInPerson: async () => {
    const actor = await currentUser();
    return actor && { actor, secondFactor: "done", sessionVersion: 0 };
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "server-action-errors.test" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const { invalidRequest, unavailable } = viMessages.common.errors;
const ID = "00000000-0000-4000-8000-000000000000";

type ActionSource = { file: string; name: string; params: string[]; body: string };

/** Every `export async function` in a "use server" file under app/, with its parameter list and body. */
function serverActionSources(): ActionSource[] {
  const found: ActionSource[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && /^["']use server["']/.test(readFileSync(path, "utf8"))) {
        const source = readFileSync(path, "utf8");
        // Parameters up to the first "): " (a type like `FormResult & { token?: string }` has none inside).
        const starts = [...source.matchAll(/^export async function (\w+)\((.*?)\): .* \{\n/gm)];
        starts.forEach((match, i) => {
          const end = starts[i + 1]?.index ?? source.length;
          found.push({
            file: relative(process.cwd(), path),
            name: match[1]!,
            params: match[2]!.split(/,\s*(?=\w+\??:)/).map((p) => p.trim()).filter(Boolean),
            body: source.slice(match.index! + match[0].length, end),
          });
        });
      }
    }
  };
  walk(join(process.cwd(), "app"));
  return found;
}

const ACTION_MODULES = [
  "app/language-actions",
  "app/(app)/cam-ket/[id]/actions",
  "app/(app)/theo-doi/actions",
  "app/(app)/luu-tru/actions",
  "app/(app)/kiem-tra/actions",
  "app/(app)/quan-tri/actions",
  "app/(app)/quan-tri/nguoi-dung/[id]/actions",
  "app/(app)/quan-tri/chien-dich/actions",
  "app/(app)/quan-tri/mau-cam-ket/actions",
  "app/(app)/quan-tri/chung-thu/actions",
  "app/(app)/chu-ky-so/actions",
  "app/(app)/quan-tri/tin-cay/actions",
  "app/(app)/quan-tri/webhook/actions",
  "app/(app)/quan-tri/uy-quyen/actions",
  "app/(app)/theo-doi/closing-actions",
  "app/(app)/quan-tri/co-quan-ban-hanh/actions",
  "app/(app)/van-thu/actions",
  "app/(auth)/xac-thuc-hai-buoc/actions",
  "app/(auth)/tai-khoan/bao-mat/actions",
];
type Action = (...args: unknown[]) => Promise<unknown>;
async function loadActions(): Promise<Record<string, Action>> {
  const modules = await Promise.all(ACTION_MODULES.map((m) => import(/* @vite-ignore */ `@/${m}`)));
  return Object.assign({}, ...modules);
}

/** Plausible values for the other arguments, so only the one under test is wrong. */
const plausible = (param: string) => (param.includes("FormResult") || param.includes("PdfVerification") ? { ok: false } : param.includes("boolean") ? true : ID);

const TABLES = ["Unit", "User", "TemplateVersion", "Campaign", "Assignment", "AssignmentDocument", "AuditEvent", "UserCertificate", "ApiToken", "PendingSignature", "TrustAnchor", "WebhookEndpoint", "WebhookDelivery"];
async function databaseFingerprint(tables = TABLES): Promise<string> {
  const rows = await Promise.all(
    tables.map((t) => prisma.$queryRawUnsafe<{ d: string }[]>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t}" x`)),
  );
  return tables.map((t, i) => `${t}=${rows[i]![0]!.d}`).join(",");
}

describe("server actions and bad requests", () => {
  const sources = serverActionSources();
  let actions: Record<string, Action>;
  let admin: Actor;
  beforeAll(async () => {
    actions = await loadActions();
    admin = await createActor("ADMIN");
  });
  beforeEach(() => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined); // runAction notes each invalid request
  });
  afterEach(() => {
    currentUser = async () => null;
    vi.restoreAllMocks();
  });

  it("every exported action is loaded by this test and wraps its whole body in runAction; every FormData argument goes through readForm", () => {
    expect(sources.map((s) => s.name).sort()).toEqual(Object.keys(actions).sort());
    for (const { file, name, params, body } of sources) {
      expect(ACTION_MODULES.map((m) => `${m}.ts`), `${file} is not in ACTION_MODULES`).toContain(file);
      expect(body.trimStart(), `${name} in ${file}`).toMatch(new RegExp(`^(return|await) runAction\\("${name}", `));
      for (const param of params.filter((p) => /:\s*FormData$/.test(p))) {
        expect(body, `${name}: ${param}`).toContain(`readForm(${param.split(":")[0]!.trim()})`);
      }
    }
  });

  for (const junk of [null, "x", {}, 42, ["a"]]) {
    it(`an action called with ${JSON.stringify(junk)} instead of its form answers "invalid request" and stores nothing`, async () => {
      currentUser = async () => admin;
      const before = await databaseFingerprint();
      const formActions = sources.filter((s) => s.params.some((p) => /:\s*FormData$/.test(p)));
      expect(formActions.length).toBeGreaterThanOrEqual(10);
      for (const { name, params } of formActions) {
        const args = params.map((p) => (/:\s*FormData$/.test(p) ? junk : plausible(p)));
        await expect(actions[name]!(...args), name).resolves.toEqual({ ok: false, message: invalidRequest });
      }
      expect(await databaseFingerprint()).toBe(before);
    });
  }

  it("every action with objects, arrays or NUL strings in every argument answers a specific refusal, not the generic error", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const actors = [admin, await createActor("CHAIRPERSON"), await createActor("UNIT_HEAD")];
    // A NUL string as the chairperson's password is a wrong password, rightly counted on the User row.
    const written = TABLES.filter((t) => t !== "User");
    const before = await databaseFingerprint(written);
    for (const actor of actors) {
      const role = actor.role;
      currentUser = async () => actor;
      for (const junk of [{ id: 1 }, ["x"], "\u0000"]) {
        for (const { name, params } of sources) {
          if (name === "setLocaleAction" || params.length === 0) continue; // no result to read / no argument to spoil
          const result = (await actions[name]!(...params.map(() => junk))) as { ok: boolean; message?: string };
          expect(result, `${name} as ${role} with ${JSON.stringify(junk)}`).toMatchObject({ ok: false });
        }
      }
    }
    expect(logged, "an action reached the generic error (logged as failed)").not.toHaveBeenCalled();
    expect(await databaseFingerprint(written)).toBe(before);
  });

  it("with the database unreachable every action answers 'temporarily unavailable', with no code, host or port; the detail is logged", async () => {
    const offline = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/postgres" }) });
    const outage = await offline.user.findFirst().catch((error: unknown) => error);
    await offline.$disconnect();
    currentUser = async () => {
      throw outage;
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const { name, params } of sources) {
      if (name === "setLocaleAction") continue; // a form action with no result: checked below
      const args = params.map((p) => (/:\s*FormData$/.test(p) ? new FormData() : plausible(p)));
      const result = (await actions[name]!(...args)) as { ok: boolean; message: string };
      expect(result, name).toEqual({ ok: false, message: unavailable });
    }
    await expect(actions.setLocaleAction!("en")).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalled();
    expect(String(logged.mock.calls[0]![0])).toContain("database unavailable");
  });

  it("an unexpected error answers a generic message with a reference that is in the log, never the error's text", async () => {
    currentUser = async () => {
      throw new Error('Invalid `prisma.user.findUnique()` invocation: SELECT "public"."User" 22021 at db.internal:5432');
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = (await actions.launchCampaignAction!(ID, { ok: false })) as { ok: boolean; message: string };
    const reference = /mã tham chiếu ([0-9a-f]{8})\.$/.exec(result.message)?.[1];
    expect(result.ok).toBe(false);
    expect(reference).toBeDefined();
    for (const leak of ["prisma", "SELECT", "22021", "5432", "invocation"]) expect(result.message).not.toContain(leak);
    expect(String(logged.mock.calls[0]![0])).toContain(reference);
    expect(logged.mock.calls[0]![1]).toBeInstanceOf(Error);
  });

  it("redirect() after a successful action still passes through runAction", async () => {
    currentUser = async () => admin;
    const form = new FormData();
    form.set("name", "Phòng Thử Chuyển Hướng");
    form.set("kind", "AGENCY");
    form.set("code", `R${Date.now().toString(36)}`.toUpperCase().slice(0, 12));
    await expect(actions.saveUnitAction!(undefined, { ok: false }, form)).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

import { describe, expect, it, vi } from "vitest";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import type { Actor } from "@/lib/auth/find-active-user";
import { prisma } from "@/lib/db/client";
import { listUsers } from "@/lib/users/list-users";
import { createActor, createTestUser } from "@/lib/test/factories";

let sessionActor: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => sessionActor, requirePageRole: async () => sessionActor }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

/** The first element of the page's tree whose type is `type` (the page is a server component: a plain function call). */
function findElement(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>> | undefined {
  if (Array.isArray(node)) return node.map((child) => findElement(child, type)).find(Boolean);
  if (!isValidElement<Record<string, unknown>>(node)) return undefined;
  if (node.type === type) return node;
  return findElement(node.props.children as ReactNode, type);
}

describe("users list search", () => {
  it("a NUL or other control character in the search is no error: it is treated as a space", async () => {
    const user = await createTestUser({ role: "AUDITOR" });
    await expect(listUsers({ q: "\u0000" })).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: user.id })]));
    const tag = user.fullName.split(" ").at(-1)!;
    expect((await listUsers({ q: `\u0000${tag}\u0007` })).map((u) => u.id)).toEqual([user.id]);
  });

  it("lists a clerk with the issuing body whose register they keep", async () => {
    const clerk = await createTestUser({ role: "CLERK" });
    await prisma.user.update({ where: { id: clerk.id }, data: { issuingBodyId: "city" } });
    const tag = clerk.fullName.split(" ").at(-1)!;
    expect(await listUsers({ q: tag })).toEqual([expect.objectContaining({ id: clerk.id, unit: null, issuingBody: { name: expect.stringContaining("PHAN THIẾT") } })]);
  });

  it("the page with ?q=%00 renders the list with an empty search box instead of a 500", async () => {
    sessionActor = await createActor("ADMIN");
    const { default: UsersAdminPage } = await import("@/app/(app)/quan-tri/nguoi-dung/page");
    const { SearchForm } = await import("@/components/ui/search-form");
    const page = await UsersAdminPage({ searchParams: Promise.resolve({ q: "\u0000" }) });
    expect(findElement(page, SearchForm)?.props.q).toBeUndefined();
    const crafted = await UsersAdminPage({ searchParams: Promise.resolve({ q: "ab\u0000c" }) });
    expect(findElement(crafted, SearchForm)?.props.q).toBe("ab c");
  });
});

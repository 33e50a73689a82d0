import { describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { createTestUser } from "@/lib/test/factories";
import { authOptions } from "./auth-options";
import { clientIp } from "./client-ip";

const authorize = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options.authorize;
const withCookie = (cookie: string) => ({ headers: { cookie: `next-auth.csrf-token=x; ${cookie}`, "x-forwarded-for": "198.51.100.40" } }) as never;

describe("signing in from a login page shown in English", () => {
  it("answers a wrong password in English and keeps the account's language unchanged", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: "MatKhau@123" });
    await expect(authorize({ email: user.email, password: "Sai@12345" }, withCookie("camket-locale=en"))).rejects.toThrow("Wrong email or password");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("vi");
  });

  it("makes the login page's language the account's own once the password is right", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: "MatKhau@123" });
    await authorize({ email: user.email, password: "MatKhau@123" }, withCookie("camket-locale=en"));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    // No choice on this browser: the stored one stays.
    await authorize({ email: user.email, password: "MatKhau@123" }, { headers: {} } as never);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    // A cookie with an unknown language is ignored.
    await authorize({ email: user.email, password: "MatKhau@123" }, withCookie("camket-locale=fr"));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
  });
});

describe("clientIp", () => {
  it("takes the address the last proxy appended, not the one the client claims", () => {
    expect(clientIp("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientIp(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(clientIp(null, "198.51.100.1")).toBe("198.51.100.1");
    expect(clientIp("", null)).toBeNull();
  });
});

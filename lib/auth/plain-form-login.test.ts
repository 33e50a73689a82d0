import { beforeAll, describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { createTestUser } from "@/lib/test/factories";
import { POST } from "@/app/api/auth/login/route";

const post = (fields: Record<string, string>, origin = "http://localhost:3000") =>
  POST(
    new Request("http://localhost:3000/api/auth/login", {
      method: "POST",
      headers: { origin, host: "localhost:3000", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.55" },
      body: new URLSearchParams(fields),
    }),
  );

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-the-plain-form-login";
});

describe("the login form without JavaScript (POST /api/auth/login)", () => {
  it("signs in with next-auth's session cookie and lands on the role's home page", async () => {
    const user = await createTestUser({ role: "AUDITOR", password: "MatKhau@123" });
    const response = await post({ email: user.email, password: "MatKhau@123" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/luu-tru");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; Max-Age=28800; HttpOnly; SameSite=lax$/i);
    const token = await decode({ token: cookie.split(";")[0]!.split("=")[1], secret: process.env.NEXTAUTH_SECRET! });
    expect(token).toMatchObject({ sub: user.id, userId: user.id, role: "AUDITOR", sessionVersion: 0, email: user.email });
  });

  it("sends a failure back to /login as an error code, with no cookie and nothing from the request", async () => {
    const user = await createTestUser({ password: "MatKhau@123" });
    const wrong = await post({ email: user.email, password: "Sai-MatKhau" });
    expect(wrong.headers.get("location")).toBe("/login?error=invalid");
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect((await post({ email: "ai\u0000@x.vn", password: "x" })).headers.get("location")).toBe("/login?error=invalid");
    expect((await post({})).headers.get("location")).toBe("/login?error=invalid");
  });

  it("refuses a form posted from another site", async () => {
    const user = await createTestUser({ password: "MatKhau@123" });
    const response = await post({ email: user.email, password: "MatKhau@123" }, "https://evil.example");
    expect(response.headers.get("location")).toBe("/login?error=invalid");
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

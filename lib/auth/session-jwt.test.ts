import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeJwt, encodeJwt } from "./session-jwt";

const secret = "a-test-secret-of-some-length-0123456789";
const token = { sub: "u1", userId: "u1", role: "UNIT_HEAD" as const, unitId: null, sessionVersion: 3 };

describe("session JWT with the derived key cached", () => {
  it("reads next-auth's own cookies and next-auth reads ours, so sessions survive the switch both ways", async () => {
    expect(await decodeJwt({ token: await encode({ token, secret }), secret })).toMatchObject(token);
    expect(await decode({ token: await encodeJwt({ token, secret }), secret })).toMatchObject(token);
    // A second call (cached key) answers the same; another secret or salt does not open it.
    const ours = await encodeJwt({ token, secret, maxAge: 60 });
    expect(await decodeJwt({ token: ours, secret })).toMatchObject(token);
    await expect(decodeJwt({ token: ours, secret: `${secret}x` })).rejects.toThrow();
    await expect(decodeJwt({ token: ours, secret, salt: "other" })).rejects.toThrow();
  });

  it("refuses an expired token", async () => {
    const expired = await encodeJwt({ token, secret, maxAge: -60 });
    await expect(decodeJwt({ token: expired, secret })).rejects.toThrow();
  });
});

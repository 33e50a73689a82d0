import { describe, expect, it } from "vitest";
import { cscConfigFromEnv, isCscConfigured } from "./csc-config";
import { CSC_ERROR_MESSAGES, cscErrorCodeFor } from "./csc-error";
import { parseGeneralizedTime } from "./sign-hashes-with-csc";
import { signAlgoFor } from "./csc-oids";

describe("CSC settings from the environment", () => {
  it("offered only with base URL, client id and secret; OAuth2 defaults under the base URL; the name defaults to its host", () => {
    expect(isCscConfigured({})).toBe(false);
    expect(isCscConfigured({ CAMKET_CSC_BASE_URL: "https://rs.example.vn/csc/v2", CAMKET_CSC_CLIENT_ID: "camket" })).toBe(false);
    const config = cscConfigFromEnv({ CAMKET_CSC_BASE_URL: "https://rs.example.vn/csc/v2/", CAMKET_CSC_CLIENT_ID: "camket", CAMKET_CSC_CLIENT_SECRET: "s" });
    expect(config).toMatchObject({ baseUrl: "https://rs.example.vn/csc/v2", oauthUrl: "https://rs.example.vn/csc/v2/oauth2", name: "rs.example.vn" });
    expect(
      cscConfigFromEnv({ CAMKET_CSC_BASE_URL: "https://rs.example.vn/csc/v2", CAMKET_CSC_OAUTH_URL: "https://id.example.vn/oauth2/", CAMKET_CSC_CLIENT_ID: "c", CAMKET_CSC_CLIENT_SECRET: "s", CAMKET_CSC_NAME: "VNPT SmartCA" }),
    ).toMatchObject({ oauthUrl: "https://id.example.vn/oauth2", name: "VNPT SmartCA" });
  });
});

describe("provider errors", () => {
  it("map to codes a person can act on", () => {
    expect(cscErrorCodeFor(400, "invalid_pin", "The PIN is invalid")).toBe("invalid-pin");
    expect(cscErrorCodeFor(400, "invalid_otp", undefined)).toBe("invalid-otp");
    expect(cscErrorCodeFor(400, "invalid_request", "Invalid OTP")).toBe("invalid-otp");
    expect(cscErrorCodeFor(401, "invalid_token", undefined)).toBe("link-expired");
    expect(cscErrorCodeFor(400, "invalid_grant", "refresh token expired")).toBe("link-expired");
    expect(cscErrorCodeFor(401, "invalid_client", undefined)).toBe("refused");
    expect(cscErrorCodeFor(400, "invalid_request", "The certificate has expired")).toBe("credential-expired");
    expect(cscErrorCodeFor(503, undefined, undefined)).toBe("provider-down");
    expect(cscErrorCodeFor(400, "invalid_request", "Missing parameter hashes")).toBe("refused");
    expect(CSC_ERROR_MESSAGES["link-expired"].vi).toBe("Liên kết tài khoản ký số từ xa đã hết hạn, hãy liên kết lại.");
  });

  it("dates and algorithms as CSC writes them", () => {
    expect(parseGeneralizedTime("20271204093000Z")?.toISOString()).toBe("2027-12-04T09:30:00.000Z");
    expect(parseGeneralizedTime("nonsense")).toBeNull();
    expect(signAlgoFor(["1.2.840.10045.2.1"])).toBe("1.2.840.10045.4.3.2");
    expect(signAlgoFor(["1.2.840.113549.1.1.1"])).toBe("1.2.840.113549.1.1.1");
    expect(signAlgoFor(["1.3.101.112"])).toBeNull();
  });
});

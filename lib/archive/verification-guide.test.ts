import { describe, expect, it } from "vitest";
import { execSync } from "node:child_process";
import path from "node:path";
import { writeTemp } from "@/lib/test/pdf-tools";
import { createCityCa } from "@/lib/signing/city-ca";
import { verificationGuide } from "./verification-guide";

describe("HUONG-DAN-KIEM-TRA.txt, step 2", () => {
  it("the fingerprint line it expects is exactly what its own openssl command prints", async () => {
    const ca = await createCityCa({ commonName: "UBND thành phố Phan Thiết — CA ký số" });
    const dir = path.dirname(writeTemp(new TextEncoder().encode(ca.certPem), "city-ca.pem"));
    const lines = verificationGuide("Chiến dịch thử", ca.sha256Fingerprint).split("\n");
    const step = lines.findIndex((line) => line.startsWith("2. "));
    const command = lines[step + 1]!.trim();
    const expected = lines[step + 3]!.trim();
    expect(command).toBe("openssl x509 -in city-ca.pem -noout -fingerprint -sha256");
    expect(execSync(command, { cwd: dir, encoding: "utf8" }).trim()).toBe(expected);
  });
});

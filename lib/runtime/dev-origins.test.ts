import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { devOrigins } from "@/lib/runtime/dev-origins";

const nic = (address: string, family: "IPv4" | "IPv6", internal = false) =>
  ({ address, family, internal, netmask: "", mac: "", cidr: null }) as NonNullable<ReturnType<typeof networkInterfaces>[string]>[number];

describe("the dev server's allowed origins", () => {
  it("are 127.0.0.1, localhost, this machine's name and its IPv4 addresses (what Next prints as Network)", () => {
    const origins = devOrigins({ lo: [nic("127.0.0.1", "IPv4", true), nic("::1", "IPv6", true)], eth0: [nic("192.168.1.20", "IPv4"), nic("fe80::1", "IPv6")] }, "ubnd-pc");
    expect(origins).toEqual(["localhost", "127.0.0.1", "ubnd-pc", "192.168.1.20"]);
  });

  it("are set in next.config.ts", () => {
    expect(nextConfig.allowedDevOrigins).toEqual(expect.arrayContaining(["127.0.0.1", ...devOrigins().slice(2)]));
  });
});

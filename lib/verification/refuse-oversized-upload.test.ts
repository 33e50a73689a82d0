import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { oversizedUploadMegabytes, refuseOversizedUpload } from "./refuse-oversized-upload";
import { MB } from "./upload-limit";

const post = (path: string, bytes: number, method = "POST") =>
  new NextRequest(`http://localhost:3201${path}`, { method, headers: { "content-length": String(bytes) } });

describe("refusing an upload too large to check, before Next reads it", () => {
  it("a 27 MB POST to /kiem-tra is sent back to the page with its size", () => {
    const response = refuseOversizedUpload(post("/kiem-tra", 27 * MB));
    expect(response?.status).toBe(303);
    expect(response?.headers.get("location")).toBe("http://localhost:3201/kiem-tra?qua-lon=27");
    expect(refuseOversizedUpload(post("/kiem-tra", 25.5 * MB))?.headers.get("location")).toMatch(/\?qua-lon=25\.5$/);
  });

  it("lets through a 20 MB file with its form around it, other pages, other methods and a missing length", () => {
    expect(refuseOversizedUpload(post("/kiem-tra", 20 * MB + 2_000))).toBeUndefined();
    expect(refuseOversizedUpload(post("/quan-tri/mau", 27 * MB))).toBeUndefined();
    expect(refuseOversizedUpload(new NextRequest("http://localhost:3201/kiem-tra", { method: "POST" }))).toBeUndefined();
    expect(refuseOversizedUpload(new NextRequest("http://localhost:3201/kiem-tra?qua-lon=27"))).toBeUndefined();
  });

  it("the page reads back only a plausible size", () => {
    expect(oversizedUploadMegabytes("27")).toBe(27);
    expect(oversizedUploadMegabytes("25.5")).toBe(25.5);
    for (const bad of [undefined, "", "0", "-3", "abc", "1e9", ["27", "28"], "<script>"]) expect(oversizedUploadMegabytes(bad)).toBeUndefined();
  });
});

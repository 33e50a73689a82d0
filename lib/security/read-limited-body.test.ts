import { describe, expect, it } from "vitest";
import { readLimitedBody } from "./read-limited-body";

/** A chunked body (no Content-Length) of `chunks` chunks of 1 KB, counting how many were pulled. */
function chunkedRequest(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(1024).fill(1));
    },
  });
  const request = new Request("http://x/ca/ocsp", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readLimitedBody", () => {
  it("returns a body within the limit whole", async () => {
    const { request } = chunkedRequest(3);
    expect((await readLimitedBody(request, 4096))?.byteLength).toBe(3072);
  });

  it("stops reading a chunked body at the limit instead of buffering all of it", async () => {
    const { request, pulled } = chunkedRequest(10_000);
    expect(await readLimitedBody(request, 16 * 1024)).toBeNull();
    expect(pulled()).toBeLessThan(20);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://x/ca/tsa", { method: "POST", body: new Uint8Array(10), headers: { "content-length": "999999" } });
    expect(await readLimitedBody(request, 8 * 1024)).toBeNull();
  });
});

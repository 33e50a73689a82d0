import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string };
/** How the receiver answers: a status, or "hang" (holds the request open until released or closed). */
export type ReceiverMode = number | "hang";

/** A real HTTP endpoint on a free port that records every request and answers as told. */
export async function startWebhookReceiver(initialMode: ReceiverMode = 200) {
  const received: ReceivedWebhook[] = [];
  const held: ServerResponse[] = [];
  let mode = initialMode;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (mode === "hang") held.push(response);
      else response.writeHead(mode).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    setMode: (next: ReceiverMode) => (mode = next),
    /** The receiver's side of the contract: each Camket-Webhook-Id handled once. */
    uniqueIds: () => new Set(received.map((r) => r.headers["camket-webhook-id"])),
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

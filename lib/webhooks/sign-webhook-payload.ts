import { createHmac } from "node:crypto";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`: the Camket-Signature header. */
export function signWebhookPayload(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${webhookSignatureHex(secret, body, unixSeconds)}`;
}

export const webhookSignatureHex = (secret: string, body: string, unixSeconds: number): string =>
  createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");

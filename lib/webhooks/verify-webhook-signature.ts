import { timingSafeEqual } from "node:crypto";
import { webhookSignatureHex } from "./sign-webhook-payload";

const TOLERANCE_SECONDS = 5 * 60;

/**
 * The receiver's check, as documented (README, docs/decisions/014-webhooks.md): the Camket-Signature header
 * `t=…,v1=…` must be the HMAC of "<t>.<raw body>" under the endpoint's secret, compared in constant time,
 * and t within 5 minutes of now (a captured request cannot be replayed later). Verify the raw bytes as
 * received, before parsing JSON. Then dedupe by Camket-Webhook-Id: delivery is at least once.
 */
export function verifyWebhookSignature(input: { secret: string; header: string | null | undefined; body: string; nowMs?: number }): boolean {
  const parts = new Map((input.header ?? "").split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs((input.nowMs ?? Date.now()) / 1000 - t) > TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(webhookSignatureHex(input.secret, input.body, t), "hex"), Buffer.from(given, "hex"));
}

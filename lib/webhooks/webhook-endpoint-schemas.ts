import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
import { WEBHOOK_EVENT_NAMES, type WebhookEventName } from "./webhook-events";

const KNOWN_EVENTS = new Set<string>(WEBHOOK_EVENT_NAMES);

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** http(s) only; in production plain http only to this machine (the body is signed, not encrypted). */
function urlProblem(text: string): "webhooks.validation.urlInvalid" | "webhooks.validation.urlPlainHttp" | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "webhooks.validation.urlInvalid";
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return "webhooks.validation.urlInvalid";
  if (url.protocol === "http:" && process.env.NODE_ENV === "production" && !LOCAL_HOSTS.has(url.hostname)) return "webhooks.validation.urlPlainHttp";
  return null;
}

/** The form: name, URL, events (one `events` entry per ticked box), enabled ("on" when ticked). */
export const webhookEndpointInputSchema = z.object({
  name: z
    .string({ error: messageRef("webhooks.validation.nameRequired") })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, messageRef("webhooks.validation.nameRequired")).max(100, messageRef("webhooks.validation.nameRequired"))),
  url: z
    .string({ error: messageRef("webhooks.validation.urlInvalid") })
    .trim()
    .max(2000, messageRef("webhooks.validation.urlInvalid"))
    .superRefine((text, ctx) => {
      const problem = urlProblem(text);
      if (problem) ctx.addIssue({ code: "custom", message: messageRef(problem) });
    }),
  // Checked on the array, not per item, so the error sits on the "events" field the form shows.
  events: z
    .array(z.string(), { error: messageRef("webhooks.validation.eventsRequired") })
    .min(1, messageRef("webhooks.validation.eventsRequired"))
    .refine((names) => names.every((name) => KNOWN_EVENTS.has(name)), messageRef("webhooks.validation.eventUnknown"))
    .transform((names) => [...new Set(names)] as WebhookEventName[]),
  enabled: z.boolean(),
});

export type WebhookEndpointInput = z.infer<typeof webhookEndpointInputSchema>;

export const webhookEndpointIdSchema = z.uuid();

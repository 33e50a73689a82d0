import { formatMessage, type MessageParams } from "./format-message";
import type { Messages } from "./messages-for";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** "common.form.invalid", "signing.notFound", …: every leaf of the catalogue, checked by the compiler. */
export type MessageKey = Leaves<Messages>;

type RefParams = Record<string, string | number | { key: MessageKey }>;

const PREFIX = "\u0000msg:";

/**
 * A message to be worded later, in the reader's language. zod schemas are built once per module, before
 * anyone's language is known, so their messages are refs; lib/forms/form-result words them per actor.
 * A param given as { key } is itself worded (the field's label).
 */
export function messageRef(key: MessageKey, params: RefParams = {}): string {
  return PREFIX + JSON.stringify({ key, params });
}

export function messageText(messages: Messages, key: MessageKey, params?: MessageParams): string {
  let node: unknown = messages;
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  if (typeof node !== "string") throw new Error(`Missing message ${key}`);
  return formatMessage(node, params);
}

/** Words a ref; any other text is returned as it is. */
export function resolveMessage(messages: Messages, text: string): string {
  if (!text.startsWith(PREFIX)) return text;
  const { key, params } = JSON.parse(text.slice(PREFIX.length)) as { key: MessageKey; params: RefParams };
  const worded: MessageParams = {};
  for (const [name, value] of Object.entries(params)) worded[name] = typeof value === "object" ? messageText(messages, value.key) : value;
  return messageText(messages, key, worded);
}

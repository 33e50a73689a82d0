export type MessageParams = Record<string, string | number>;

/**
 * Fills "{name}" placeholders. "{count|unit|units}" picks the first form when count is 1 and the second
 * otherwise (English plurals; Vietnamese messages simply write "{count} đơn vị").
 */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => (params[name] === 1 ? one : other))
    .replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

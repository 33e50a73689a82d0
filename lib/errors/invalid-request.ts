/**
 * The request itself is malformed — not wrong input a person typed, but something no page of ours sends
 * (e.g. a crafted server-action call whose form argument is not a form). Thrown by the guards in
 * lib/forms and answered by runAction with one plain message.
 */
export class InvalidRequestError extends Error {
  constructor(detail: string) {
    super(`Invalid request: ${detail}`);
    this.name = "InvalidRequestError";
  }
}

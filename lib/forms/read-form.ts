import { InvalidRequestError } from "@/lib/errors/invalid-request";

/**
 * A server action's form argument, checked: our forms always send FormData, but anyone can post a
 * crafted action request with a string, an object or null in its place. Call it inside runAction,
 * which answers the InvalidRequestError with a plain "invalid request" message instead of a 500.
 */
export function readForm(argument: unknown): FormData {
  if (!(argument instanceof FormData)) throw new InvalidRequestError(`form argument is ${argument === null ? "null" : typeof argument}, not FormData`);
  return argument;
}

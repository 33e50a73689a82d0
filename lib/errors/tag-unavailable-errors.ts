import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "./database-unavailable";
import { UNAVAILABLE_DIGEST_PREFIX } from "./unavailable-digest";

/** Gives a database-unavailable error a digest the error pages recognise (also its log reference); others pass unchanged. */
export function tagUnavailable(error: unknown): unknown {
  if (isDatabaseUnavailable(error) && typeof error === "object" && error !== null && !("digest" in error)) {
    Object.assign(error, { digest: `${UNAVAILABLE_DIGEST_PREFIX}${randomBytes(4).toString("hex")}` });
  }
  return error;
}

/**
 * The client with every query (model operations and raw SQL, inside transactions too) tagging the
 * errors that mean "database unreachable", so a page that fails during an outage shows "temporarily
 * unavailable" rather than a generic error. Typed as the plain client: the extension adds no API.
 */
export function withUnavailableDigest(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw tagUnavailable(error);
        }
      },
    },
  }) as unknown as PrismaClient;
}

import { httpTimestamper } from "@/lib/signing/timestamp";
import { BUILT_IN_TSA_NAME, getBuiltInTsa } from "./get-built-in-tsa";
import { issueTimestampToken, sha256Imprint } from "./issue-timestamp-token";

/** Where trusted time comes from, as the signing screen and the audit trail name it. */
export interface Timestamper {
  source: "configured" | "built-in";
  /** The configured TSA's host, or the built-in TSA's name. */
  label: string;
  tokenCapacity: number;
  stamp(digest: Uint8Array): Promise<Uint8Array>;
}

/** CAMKET_TSA_URL: a licensed TSA (e.g. the national one); unset, the deployment's own. */
export const configuredTsaUrl = () => process.env.CAMKET_TSA_URL || undefined;

/**
 * The TSA every signature is time-stamped by (PAdES B-T by default): the configured one over HTTP, else the
 * built-in one called in-process — no HTTP round trip to ourselves, a P-256 token of ~1.5 KB.
 */
export function currentTimestamper(): Timestamper {
  const url = configuredTsaUrl();
  if (url) {
    return { source: "configured", label: new URL(url).host, ...httpTimestamper(url) };
  }
  return {
    source: "built-in",
    label: BUILT_IN_TSA_NAME,
    tokenCapacity: 4_096,
    stamp: async (digest) => issueTimestampToken(await getBuiltInTsa(), sha256Imprint(digest), undefined, new Date()),
  };
}

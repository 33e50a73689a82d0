import type { CscConfig } from "./csc-config";
import { cscCall, cscUrl } from "./csc-request";
import { cscInfoSchema, type CscInfo } from "./csc-schemas";

/** POST info: the service's name, spec version, authentication types and methods. No access token needed. */
export function getCscInfo(config: CscConfig, lang = "vi"): Promise<CscInfo> {
  return cscCall({ config, url: cscUrl(config, "info"), json: { lang }, schema: cscInfoSchema, operation: "info" });
}

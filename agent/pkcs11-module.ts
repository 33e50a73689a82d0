import { createRequire } from "node:module";
import type * as Pkcs11js from "pkcs11js";

/**
 * pkcs11js (a native addon) loaded the CommonJS way: its constants are only on the CommonJS export, not on an
 * ESM namespace. Used by the agent, scripts and tests only — never by code the Next.js app bundles.
 */
export const pkcs11js = createRequire(import.meta.url)("pkcs11js") as typeof Pkcs11js;
export type { Pkcs11js };

const loaded = new Map<string, Pkcs11js.PKCS11>();

/**
 * Loads a PKCS#11 module and calls C_Initialize once per process and path. A module is one shared library
 * per process, so a second load of the same path gets the same instance; "already initialised" (another
 * PKCS11 object in this process did it) is not an error.
 */
export function loadPkcs11Module(modulePath: string): Pkcs11js.PKCS11 {
  const existing = loaded.get(modulePath);
  if (existing) return existing;
  const pkcs11 = new pkcs11js.PKCS11();
  pkcs11.load(modulePath);
  try {
    pkcs11.C_Initialize();
  } catch (error) {
    if (!(error instanceof pkcs11js.Pkcs11Error && error.code === pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED)) throw error;
  }
  loaded.set(modulePath, pkcs11);
  return pkcs11;
}

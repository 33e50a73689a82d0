import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, ensureDataDir, PRIVATE_FILE, tightenMode } from "./data-dir";

type LocalSecrets = { NEXTAUTH_SECRET: string; CAMKET_MASTER_KEY: string };

/**
 * Secrets for a deployment that did not set its own: generated once into <data dir>/secrets.json (mode 600,
 * in a 700 directory) and reused on every start, so sessions and encrypted signing keys survive restarts.
 * Never committed.
 */
export function ensureLocalSecrets(dataDir = DATA_DIR): LocalSecrets {
  const file = path.join(ensureDataDir(dataDir), "secrets.json");
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    NEXTAUTH_SECRET: stored.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    CAMKET_MASTER_KEY: stored.CAMKET_MASTER_KEY ?? randomBytes(32).toString("base64"),
  };
  if (stored.NEXTAUTH_SECRET !== secrets.NEXTAUTH_SECRET || stored.CAMKET_MASTER_KEY !== secrets.CAMKET_MASTER_KEY) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: PRIVATE_FILE });
  }
  tightenMode(file, PRIVATE_FILE);
  return secrets;
}

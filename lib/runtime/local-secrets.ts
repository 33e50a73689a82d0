import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where the embedded default keeps everything that is not in git: database files and generated secrets. */
export const DATA_DIR = path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CAMKET_DATA_DIR ?? ".data");

type LocalSecrets = { NEXTAUTH_SECRET: string; CAMKET_MASTER_KEY: string };

/**
 * Secrets for a deployment that did not set its own: generated once into .data/secrets.json (mode 600) and
 * reused on every start, so sessions and encrypted signing keys survive restarts. Never committed.
 */
export function ensureLocalSecrets(): LocalSecrets {
  const file = path.join(DATA_DIR, "secrets.json");
  mkdirSync(DATA_DIR, { recursive: true });
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    NEXTAUTH_SECRET: stored.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    CAMKET_MASTER_KEY: stored.CAMKET_MASTER_KEY ?? randomBytes(32).toString("base64"),
  };
  if (stored.NEXTAUTH_SECRET !== secrets.NEXTAUTH_SECRET || stored.CAMKET_MASTER_KEY !== secrets.CAMKET_MASTER_KEY) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}

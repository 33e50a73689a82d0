import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/**
 * Pairing the camket page with this agent: the agent shows a 6-digit code on its terminal; the page sends it
 * once and gets a random bearer token that every other call carries. Only SHA-256 of tokens is kept (in
 * memory, or in a 0600 file under the user's config dir so pairing survives restarts). Wrong codes are
 * rate-limited: after MAX_FAILURES within WINDOW_MS, pairing answers "too many attempts" until the window ends.
 */

const MAX_FAILURES = 5;
const WINDOW_MS = 60_000;

interface StoredPairing {
  origin: string;
  tokenSha256: string;
  createdAt: string;
}

export type PairResult = { ok: true; token: string } | { ok: false; reason: "NOT_PAIRING" | "WRONG_CODE" | "TOO_MANY_ATTEMPTS"; retryAfterSeconds?: number };

export interface PairingOptions {
  origin: string;
  /** Where tokens (their hashes) are kept; null keeps them in memory only. */
  stateFile: string | null;
  now?: () => number;
}

export class Pairing {
  private code: string | undefined;
  private failures: number[] = [];
  private pairings: StoredPairing[];
  private readonly now: () => number;

  constructor(private readonly options: PairingOptions) {
    this.now = options.now ?? Date.now;
    this.pairings = options.stateFile ? readState(options.stateFile) : [];
  }

  /** Whether any page of the configured origin has paired. */
  get paired(): boolean {
    return this.pairings.some((pairing) => pairing.origin === this.options.origin);
  }

  get pairingOpen(): boolean {
    return this.code !== undefined;
  }

  /** Opens pairing with a fresh 6-digit code (to print on the terminal); the previous code stops working. */
  newCode(): string {
    this.code = randomInt(0, 1_000_000).toString().padStart(6, "0");
    this.failures = [];
    return this.code;
  }

  pair(code: string): PairResult {
    const now = this.now();
    this.failures = this.failures.filter((time) => now - time < WINDOW_MS);
    if (this.failures.length >= MAX_FAILURES) {
      return { ok: false, reason: "TOO_MANY_ATTEMPTS", retryAfterSeconds: Math.ceil((this.failures[0]! + WINDOW_MS - now) / 1000) };
    }
    if (this.code === undefined) return { ok: false, reason: "NOT_PAIRING" };
    if (!sameText(code, this.code)) {
      this.failures.push(now);
      return { ok: false, reason: "WRONG_CODE" };
    }
    this.code = undefined; // one use
    const token = randomBytes(32).toString("base64url");
    this.pairings.push({ origin: this.options.origin, tokenSha256: sha256(token), createdAt: new Date(now).toISOString() });
    if (this.options.stateFile) writeState(this.options.stateFile, this.pairings);
    return { ok: true, token };
  }

  /** Is `authorization` ("Bearer <token>") a token this agent gave to the configured origin? */
  isAuthorized(authorization: string | undefined): boolean {
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? "");
    if (!match) return false;
    const hash = sha256(match[1]!);
    return this.pairings.some((pairing) => pairing.origin === this.options.origin && sameText(pairing.tokenSha256, hash));
  }
}

/** The per-user config dir: %APPDATA% on Windows, ~/Library/Application Support on macOS, XDG elsewhere. */
export function defaultStateFile(): string {
  const base =
    process.platform === "win32"
      ? (process.env.APPDATA ?? path.join(homedir(), "AppData", "Roaming"))
      : process.platform === "darwin"
        ? path.join(homedir(), "Library", "Application Support")
        : (process.env.XDG_CONFIG_HOME ?? path.join(homedir(), ".config"));
  return path.join(base, "camket-agent", "pairings.json");
}

function readState(file: string): StoredPairing[] {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { pairings?: unknown };
    if (!Array.isArray(parsed.pairings)) return [];
    return parsed.pairings.filter(
      (item): item is StoredPairing => typeof item?.origin === "string" && typeof item?.tokenSha256 === "string" && typeof item?.createdAt === "string",
    );
  } catch {
    return []; // missing or unreadable: pair again
  }
}

function writeState(file: string, pairings: StoredPairing[]): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ version: 1, pairings }, null, 2), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

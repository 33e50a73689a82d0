import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "@/lib/db/migration-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A fresh database on the server of `serverUrl`, dropped at teardown. */
async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `camket_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** An in-memory PGlite served from a child process, killed at teardown. */
async function startEmbeddedInChild(): Promise<{ url: string; stop(): Promise<void> }> {
  const entry = fileURLToPath(new URL("./embedded-server-process.ts", import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`PostgreSQL nhúng dừng khi khởi động (mã ${code}).`)));
  });
  return {
    url: (JSON.parse(firstLine) as { url: string }).url,
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}

/**
 * One database for the whole run: a fresh database on DATABASE_URL's server, or an in-memory
 * PGlite. Workers start after this and inherit process.env.DATABASE_URL; it is also provided
 * as inject("databaseUrl").
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The run's own blob store, whatever the developer's environment says: tests never write into .data/blobs
  // or a configured bucket, and two runs at once never share blobs. Workers inherit it.
  const blobs = mkdtempSync(path.join(tmpdir(), "camket-test-blobs-"));
  process.env.CAMKET_STORAGE_DIR = blobs;
  delete process.env.CAMKET_STORAGE;
  const removeBlobs = () => rmSync(blobs, { recursive: true, force: true });
  const database = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL)
    : await startEmbeddedInChild();
  const stopDatabase = "drop" in database ? database.drop : database.stop;
  const stop = async () => {
    await stopDatabase();
    removeBlobs();
  };
  try {
    await deployMigrations(database.url);
  } catch (error) {
    await stop();
    throw error;
  }
  process.env.DATABASE_URL = database.url;
  project.provide("databaseUrl", database.url);
  return stop;
}

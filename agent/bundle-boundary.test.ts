import { describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * pkcs11js is a native addon: only the agent, scripts and tests load it. Nothing the Next.js app bundles (app/,
 * components/, lib/ outside test helpers) may import it or the agent, and the browser client imports no Node.
 */

const root = path.resolve(import.meta.dirname, "..");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries.map((entry) => {
      const relative = path.join(dir, entry.name);
      // Test helpers (any lib/**/testing/) may drive a token; the app never imports them.
      if (entry.isDirectory()) return entry.name === "generated" || entry.name === "testing" ? [] : sourceFiles(relative);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
    }),
  );
  return files.flat();
}

const imports = (source: string) => [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)["']([^"']+)["']/g)].map((match) => match[1]!);

describe("native addon boundary", () => {
  it("app code never imports pkcs11js or the agent", async () => {
    const files = [...(await sourceFiles("app")), ...(await sourceFiles("components")), ...(await sourceFiles("lib"))];
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of files) {
      const specifiers = imports(await readFile(path.join(root, file), "utf8"));
      if (specifiers.some((specifier) => specifier === "pkcs11js" || /(^|\/)agent\//.test(specifier) || specifier.startsWith("@/agent"))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it("the browser agent client imports only zod and the ExternalKey types", async () => {
    const source = await readFile(path.join(root, "lib/external-signing/agent-client.ts"), "utf8");
    expect(imports(source).sort()).toEqual(["./external-key", "zod"]);
  });
});

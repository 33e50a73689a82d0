import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { API_SCOPES } from "@/lib/api-tokens/api-scopes";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";

/** The document as a client fetches it from /api/v1/openapi.json. */
const served = async () => (await openApiRoute().json()) as { openapi: string; paths: Record<string, Record<string, { "x-camket-scopes"?: string[] }>> };

/** Every route file under app/api/v1 as an OpenAPI path ("[id]" → "{id}"), except the document itself. */
function routePaths(): string[] {
  const root = join(process.cwd(), "app/api/v1");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === "route.ts") found.push(`/${relative(root, dir)}`.replace(/\[(\w+)\]/g, "{$1}"));
    }
  };
  walk(root);
  return found.filter((path) => path !== "/openapi.json").sort();
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by an independent validator (@apidevtools/swagger-parser)", async () => {
    const document = await served();
    expect(document.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it("describes exactly the routes the app has, each operation with the scope it needs", async () => {
    const document = await served();
    expect(Object.keys(document.paths).sort()).toEqual(routePaths());
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const scopes = operation["x-camket-scopes"] ?? [];
        expect(scopes.length, `${method.toUpperCase()} ${path}`).toBeGreaterThan(0);
        for (const scope of scopes) expect(API_SCOPES).toContain(scope);
      }
    }
  });
});

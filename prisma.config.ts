import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded on offline machines; `prisma generate` does not
// need it, and migrations run through the wasm engine (scripts/db-*.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/camket" },
});

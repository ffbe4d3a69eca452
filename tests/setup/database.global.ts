import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalDbServer } from "../../db/local-server";
import { migrateDatabase } from "../../db/migrate";
import { loadTaxonomyAt } from "../../db/seed/taxonomy-load";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A fresh, migrated database served over libSQL's HTTP protocol for the Worker tests. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "megilance-test-db-"));
  const server = await startLocalDbServer({ file: join(dir, "test.db"), port: 0 });
  await migrateDatabase(server.url);
  await loadTaxonomyAt(server.url);
  project.provide("databaseUrl", server.url);
  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

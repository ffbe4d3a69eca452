import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack } from "../../scripts/stack";
import { freePort } from "../../scripts/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    stackDatabaseUrl: string;
  }
}

/** The whole app as `npm run dev` runs it, on free ports over a throwaway data folder. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "megilance-e2e-"));
  const stack = await startStack({
    dataDir,
    port: await freePort(),
    dbPort: await freePort(),
    seed: true,
    build: false,
    cron: false,
    quiet: true,
  });
  project.provide("baseUrl", stack.url);
  project.provide("stackDatabaseUrl", stack.databaseUrl);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStack } from "../../scripts/stack";
import { freePort } from "../../scripts/free-port";
import { CALLS_MEDIA_APP, startCallsMediaStandIn } from "./calls-media-stand-in";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    stackDatabaseUrl: string;
    /** The Cloudflare Calls stand-in the app is configured with (it relays media; see calls-media-stand-in.ts). */
    callsMediaUrl: string;
  }
}

/** The whole app as `npm run dev` runs it, on free ports over a throwaway data folder. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "megilance-e2e-"));
  const calls = await startCallsMediaStandIn();
  const stack = await startStack({
    dataDir,
    port: await freePort(),
    dbPort: await freePort(),
    seed: true,
    build: false,
    cron: false,
    quiet: true,
    vars: { CALLS_APP_ID: CALLS_MEDIA_APP.id, CALLS_APP_SECRET: CALLS_MEDIA_APP.secret, CALLS_API_BASE: calls.apiBase },
  });
  project.provide("baseUrl", stack.url);
  project.provide("stackDatabaseUrl", stack.databaseUrl);
  project.provide("callsMediaUrl", calls.apiBase.replace(/\/v1$/, ""));
  return async () => {
    await stack.stop();
    await calls.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { ensureChromium } from "./ensure-chromium";

/** `npm test`: make sure the browser exists, build the app, then run every vitest project. */
const ROOT = resolve(import.meta.dirname, "..");
const bin = (name: string) => resolve(ROOT, "node_modules/.bin", name);
const step = (label: string, command: string, args: string[]) => {
  console.log(`\n[megilance] ${label}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

ensureChromium();
step("checking formatting", bin("prettier"), ["--check", "--log-level", "warn", "."]);
step("type-checking", bin("tsc"), ["-p", "."]);
step("building the app", bin("remix"), ["vite:build"]);
step("running the tests", bin("vitest"), ["run", ...process.argv.slice(2)]);

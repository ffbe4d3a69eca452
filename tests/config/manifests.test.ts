import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CRON_TASKS } from "../../worker/jobs/tasks";
import { declaredCrons } from "../../scripts/local-cron";
import { embeddedBinaries, WASM_NAMES } from "../../scripts/extract-wasm";
import { WASM_SHA256 } from "../../worker/platform/wasm/digests";
import { createHash } from "node:crypto";

const ROOT = resolve(import.meta.dirname, "../..");
// The rooms (partykit.json, wrangler.toml, the Worker) are checked in rooms.test.ts.

describe("cron triggers", () => {
  it("wrangler.toml declares exactly the crons the Worker knows how to run", () => {
    expect(declaredCrons().sort()).toEqual(Object.keys(CRON_TASKS).sort());
  });
});

describe("precompiled WebAssembly", () => {
  it("ships the exact Argon2 and BLAKE2b binaries that hash-wasm embeds", () => {
    const embedded = embeddedBinaries();
    for (const name of WASM_NAMES) {
      const shipped = readFileSync(resolve(ROOT, `worker/platform/wasm/${name}.wasm`));
      expect(shipped.equals(embedded[name])).toBe(true);
      expect(createHash("sha256").update(shipped).digest("hex")).toBe(WASM_SHA256[name]);
    }
  });
});

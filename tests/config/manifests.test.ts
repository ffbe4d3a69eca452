import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CRON_TASKS } from "../../worker/jobs/tasks";
import { declaredCrons } from "../../scripts/local-cron";
import { embeddedBinaries, WASM_NAMES } from "../../scripts/extract-wasm";
import { WASM_SHA256 } from "../../worker/platform/wasm/digests";
import { createHash } from "node:crypto";
import { ROOM_BINDINGS } from "../../party/kinds";

const ROOT = resolve(import.meta.dirname, "../..");
const wranglerToml = readFileSync(resolve(ROOT, "wrangler.toml"), "utf8");
const manifest = JSON.parse(readFileSync(resolve(ROOT, "partykit.json"), "utf8")) as {
  parties: Record<string, { binding: string; className: string; module: string }>;
  durableObjects: Record<string, { className: string; module: string } | string>;
};
const otherObjects = Object.entries(manifest.durableObjects)
  .filter((entry): entry is [string, { className: string; module: string }] => typeof entry[1] === "object")
  .map(([name, o]) => ({ name, className: o.className, module: o.module }));

function durableObjectBindings(): Array<{ name: string; className: string }> {
  return [...wranglerToml.matchAll(/\[\[durable_objects\.bindings\]\]\s*name\s*=\s*"([^"]+)"\s*class_name\s*=\s*"([^"]+)"/g)].map((m) => ({
    name: m[1],
    className: m[2],
  }));
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

describe("partykit.json and wrangler.toml", () => {
  it("list the same room kinds, bound to the same classes", () => {
    const bindings = durableObjectBindings();
    expect(bindings.length).toBeGreaterThan(0);
    const fromManifest = Object.entries(manifest.parties).map(([party, p]) => ({ party, name: p.binding, className: p.className }));
    const declared = [
      ...fromManifest.map(({ name, className }) => ({ name, className })),
      ...otherObjects.map(({ name, className }) => ({ name, className })),
    ];
    expect(declared.sort((a, b) => a.name.localeCompare(b.name))).toEqual([...bindings].sort((a, b) => a.name.localeCompare(b.name)));
    for (const { party, name } of fromManifest) expect(kebab(name)).toBe(party);
    expect(ROOM_BINDINGS).toEqual(Object.fromEntries(fromManifest.map(({ party, name }) => [party, name])));
  });

  it("declares a SQLite-backed migration for every room class, and the Worker exports it", () => {
    const entry = readFileSync(resolve(ROOT, "worker/index.ts"), "utf8");
    const migrated = [...wranglerToml.matchAll(/new_sqlite_classes\s*=\s*\[([^\]]*)\]/g)].flatMap((m) =>
      [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]),
    );
    for (const party of Object.values(manifest.parties)) {
      expect(migrated).toContain(party.className);
      expect(entry).toMatch(
        new RegExp(`export \\{[^}]*\\b${party.className}\\b[^}]*\\} from "\\.\\./${party.module.replace(/\.ts$/, "")}"`),
      );
    }
    for (const other of otherObjects) {
      expect(migrated).toContain(other.className);
      expect(entry).toMatch(
        new RegExp(
          `export \\{[^}]*\\b${other.className}\\b[^}]*\\} from "\\./${other.module.replace(/^worker\//, "").replace(/\.ts$/, "")}"`,
        ),
      );
    }
  });
});

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

import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { roomKindOf } from "../../party/kinds";
import { PRESENCE_ROOM_ID, roomAtPath } from "../../worker/domain/rooms/names";

/**
 * partykit.json is the one list of rooms (docs/decisions/049-rooms-manifest.md). The Worker takes its room kinds
 * from it; what cannot be derived — wrangler's bindings and migrations, the entry's class exports, the binding types —
 * must agree with it, and each failure names what is missing and where to add it.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(resolve(ROOT, path), "utf8");

interface DurableObjectEntry {
  className: string;
  module: string;
}
interface Manifest {
  main: string;
  parties: Record<string, DurableObjectEntry & { binding: string }>;
  durableObjects: Record<string, DurableObjectEntry | string>;
}
const manifest = JSON.parse(read("partykit.json")) as Manifest;
const rooms = Object.entries(manifest.parties).map(([kind, room]) => ({ kind, ...room }));
/** Durable Objects that are not rooms (no /parties route), bound under their own name. */
const others = Object.entries(manifest.durableObjects)
  .filter((entry): entry is [string, DurableObjectEntry] => typeof entry[1] === "object")
  .map(([binding, object]) => ({ binding, ...object }));
const everyObject = [...rooms, ...others];

/** The `[[table]]` sections of a TOML file, each as its `key = "string"` and `key = ["strings"]` pairs. */
function tomlTables(toml: string, table: string): Array<Record<string, string | string[]>> {
  const sections = toml.split(/^(?=\[)/m).filter((section) => section.startsWith(`[[${table}]]`));
  return sections.map((section) => {
    const pairs: Record<string, string | string[]> = {};
    for (const [, key, value] of section.matchAll(/^(\w+)\s*=\s*(.+)$/gm)) {
      pairs[key] = value.startsWith("[") ? [...value.matchAll(/"([^"]*)"/g)].map((m) => m[1]) : value.replace(/^"|"$/g, "");
    }
    return pairs;
  });
}

const wrangler = read("wrangler.toml");
const bindings = tomlTables(wrangler, "durable_objects.bindings");
const migrated = tomlTables(wrangler, "migrations").flatMap((m) => [m.new_sqlite_classes ?? []].flat());
/** partyserver routes /parties/<kind>/… to the Durable Object binding whose name, in kebab case, is the kind. */
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
/** `from "…"` as the Worker's entry spells a module path. */
const fromEntry = (module: string) => {
  const path = relative(resolve(ROOT, manifest.main, ".."), resolve(ROOT, module)).replace(/\.ts$/, "");
  return path.startsWith(".") ? path : `./${path}`;
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe("partykit.json, the one list of rooms", () => {
  it("lists at least the rooms the product talks through", () => {
    expect(Object.keys(manifest.parties)).toEqual(expect.arrayContaining(["presence", "conversation", "user", "whiteboard", "call"]));
    expect(manifest.main).toBe(read("wrangler.toml").match(/^main\s*=\s*"([^"]+)"/m)?.[1]);
  });

  it.each(everyObject)("$className lives in $module", ({ className, module }) => {
    expect(existsSync(resolve(ROOT, module)), `partykit.json names ${module}, which does not exist`).toBe(true);
    expect(read(module), `${module} should export the class ${className} that partykit.json names`).toMatch(
      new RegExp(`^export class ${className}\\b`, "m"),
    );
  });

  it.each(rooms)("/parties/$kind routes to the $kind room", ({ kind, binding }) => {
    expect(kebab(binding), `partyserver serves the binding ${binding} at /parties/${kebab(binding)}, not /parties/${kind}`).toBe(kind);
    expect(roomKindOf(`/parties/${kind}/some-id`), `the Worker does not route /parties/${kind}`).toBe(kind);
    const id = kind === "presence" ? PRESENCE_ROOM_ID : "01ROOMID";
    expect(roomAtPath(kind, id), `worker/domain/rooms/names.ts does not know the ${kind} room`).not.toBeNull();
  });

  it("is the only list: the Worker routes no other kind", () => {
    for (const stray of ["lobby", "rate-limiter", "durableObjects", "$comment"]) expect(roomKindOf(`/parties/${stray}/x`)).toBeNull();
  });
});

describe("wrangler.toml and the Worker agree with partykit.json", () => {
  it.each(everyObject)("binds $binding to $className", ({ binding, className }) => {
    expect(
      bindings.find((b) => b.name === binding),
      `wrangler.toml lacks\n[[durable_objects.bindings]]\nname = "${binding}"\nclass_name = "${className}"`,
    ).toEqual({ name: binding, class_name: className });
  });

  it("binds no Durable Object that partykit.json does not list", () => {
    const listed = new Set(everyObject.map((o) => o.binding));
    const unlisted = bindings.filter((b) => !listed.has(String(b.name))).map((b) => `${b.name} (${b.class_name})`);
    expect(unlisted, "wrangler.toml binds these; add them to partykit.json (parties, or durableObjects when not a room)").toEqual([]);
  });

  it.each(everyObject)("creates $className as a SQLite-backed class in a migration", ({ className }) => {
    expect(
      migrated,
      `wrangler.toml needs a new migration (never edit a deployed one):\n[[migrations]]\ntag = "v${tomlTables(wrangler, "migrations").length + 1}-…"\nnew_sqlite_classes = ["${className}"]`,
    ).toContain(className);
  });

  it.each(everyObject)("the Worker's entry exports $className", ({ className, module }) => {
    const entry = read(manifest.main);
    expect(entry, `${manifest.main} must export the class: export { ${className} } from "${fromEntry(module)}";`).toMatch(
      new RegExp(`^export \\{[^}]*\\b${className}\\b[^}]*\\} from "${escape(fromEntry(module))}";$`, "m"),
    );
  });

  it.each(everyObject)("worker/env.ts types the $binding binding", ({ binding, className }) => {
    expect(read("worker/env.ts"), `worker/env.ts Bindings lacks ${binding}: DurableObjectNamespace<${className}>;`).toMatch(
      new RegExp(`^\\s+${binding}: DurableObjectNamespace<${className}>;$`, "m"),
    );
  });
});

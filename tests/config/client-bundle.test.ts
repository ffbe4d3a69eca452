import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No server code ships to the browser: a client chunk that carries drizzle (and with it the table definitions of
 * users, sessions, passkeys and the ledger) fails here. Browser code takes enumerations from `db/schema/values`
 * and the domain's database-free modules (docs/decisions/034-browser-safe-values.md). Reads the build that
 * `npm test` makes before the tests run.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const CLIENT = join(ROOT, "build/client/assets");
/** The ORM's own module, which the Worker bundles once for pages and API (docs/decisions/041-one-worker-bundle.md). */
const ORM = join(ROOT, "node_modules/drizzle-orm/entity.js");

/** Marks that only the ORM's own code carries, minified or not. */
const SERVER_MARKS = ["drizzle:entityKind", "doesn't look like a Drizzle entity"];

const serverMarksIn = (code: string) => SERVER_MARKS.filter((mark) => code.includes(mark));

describe("the browser build", () => {
  it("exists (npm test builds the app before its tests; alone, run `npx remix vite:build` first)", () => {
    expect(existsSync(CLIENT), `${CLIENT} is missing`).toBe(true);
  });

  it("recognises server code where it belongs: the ORM's own module carries every mark", () => {
    expect(serverMarksIn(readFileSync(ORM, "utf8"))).toEqual(SERVER_MARKS);
  });

  it("carries no drizzle and no table definitions in any client chunk", () => {
    const chunks = readdirSync(CLIENT).filter((name) => name.endsWith(".js"));
    expect(chunks.length).toBeGreaterThan(20);
    const leaking = chunks
      .map((name) => ({ name, marks: serverMarksIn(readFileSync(join(CLIENT, name), "utf8")) }))
      .filter((chunk) => chunk.marks.length > 0);
    expect(leaking).toEqual([]);
  });

  it("loads no validation library on the landing page: its forms validate on the server", () => {
    const manifestFile = readdirSync(CLIENT).find((name) => name.startsWith("manifest-"))!;
    const source = readFileSync(join(CLIENT, manifestFile), "utf8");
    const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as {
      entry: { module: string; imports: string[] };
      routes: Record<string, { module: string; imports?: string[] }>;
    };
    const landing = new Set([manifest.entry.module, ...manifest.entry.imports]);
    for (const id of ["root", "routes/_index"]) {
      landing.add(manifest.routes[id].module);
      for (const url of manifest.routes[id].imports ?? []) landing.add(url);
    }
    const zodIn = (url: string) => readFileSync(join(ROOT, "build/client", url), "utf8").includes("_zod");
    // The mark is zod's own: the chunk that carries zod for other pages has it.
    expect(readdirSync(CLIENT).some((name) => name.endsWith(".js") && zodIn(`/assets/${name}`))).toBe(true);
    expect([...landing].filter(zodIn)).toEqual([]);
  });
});

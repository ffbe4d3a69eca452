import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildDomainGraph,
  cycles,
  edgesWithin,
  fileCycles,
  importsOf,
  layers,
  readDomainGraph,
  type DomainGraph,
} from "../../scripts/domain-graph";

/**
 * The domain's folders depend on each other in one direction (docs/decisions/039-domain-layers.md): no folder
 * imports a value from a folder that imports it back, directly or through others, and no two files of one folder
 * do either. Type-only imports do not count; tests and fixtures are left out. `npx tsx scripts/domain-graph.ts`
 * prints the folders in dependency order.
 */
const ROOT = resolve(import.meta.dirname, "../..");

const describeCycles = (graph: DomainGraph, found: string[][], byFolder: boolean) =>
  found.map((members) => `${members.join(" -> ")}\n    ${edgesWithin(graph, members, byFolder).join("\n    ")}`).join("\n");

/** A made-up domain from source text, so the checks are shown to catch what they look for. */
function fixture(sources: Record<string, string>): DomainGraph {
  const domain = "/fixture/worker/domain";
  return buildDomainGraph(domain, new Map(Object.entries(sources).map(([path, text]) => [join(domain, path), text])));
}

describe("the domain's folders", () => {
  const graph = readDomainGraph(ROOT);

  it("are read from the source (the graph is not empty)", () => {
    expect(graph.folders).toEqual(expect.arrayContaining(["shared", "auth", "contracts", "milestones", "payments"]));
    expect(graph.fileEdges.length).toBeGreaterThan(500);
  });

  it("form no cycle of value imports", () => {
    const found = cycles(graph.folderEdges);
    expect(found, `folders in a cycle:\n${describeCycles(graph, found, true)}`).toEqual([]);
  });

  it("have no cycle among the files of one folder", () => {
    const found = fileCycles(graph);
    expect(found, `files in a cycle:\n${describeCycles(graph, found, false)}`).toEqual([]);
  });

  it("stand on shared, which imports no other folder", () => {
    expect([...(graph.folderEdges.get("shared") ?? [])].filter((to) => to !== "(root)")).toEqual([]);
    expect(layers(graph).flat().sort()).toEqual(graph.folders);
  });
});

describe("the cycle check", () => {
  it("names the folders of a cycle, through a third folder", () => {
    const graph = fixture({
      "a/one.ts": `import { two } from "../b/two";\nexport const one = two;`,
      "b/two.ts": `import { three } from "../c/three";\nexport const two = three;`,
      "c/three.ts": `import { one } from "../a/one";\nexport const three = () => one;`,
      "d/four.ts": `import { one } from "../a/one";\nexport const four = one;`,
    });
    expect(cycles(graph.folderEdges)).toEqual([["a", "b", "c"]]);
    expect(edgesWithin(graph, ["a", "b", "c"], true)).toEqual([
      "a/one.ts:1 -> b/two.ts",
      "b/two.ts:1 -> c/three.ts",
      "c/three.ts:1 -> a/one.ts",
    ]);
    expect(layers(graph)).toEqual([]);
  });

  it("names the files of a cycle inside one folder", () => {
    const graph = fixture({
      "auth/sessions.ts": `import { blocked } from "./sign-in";\nexport const s = blocked;`,
      "auth/sign-in.ts": `import { find } from "./accounts";\nexport const blocked = find;`,
      "auth/accounts.ts": `import { s } from "./sessions";\nexport const find = () => s;`,
    });
    expect(cycles(graph.folderEdges)).toEqual([]);
    expect(fileCycles(graph)).toEqual([["auth/accounts.ts", "auth/sessions.ts", "auth/sign-in.ts"]]);
  });

  it("counts value imports in every form and leaves type-only ones out", () => {
    const graph = fixture({
      "a/types.ts": [
        `import type { B } from "../b/b";`,
        `import { type B2, type B3 } from "../b/b";`,
        `export type { B4 } from "../b/b";`,
        `export { type B5 } from "../b/b";`,
        `type Lazy = typeof import("../b/b");`,
      ].join("\n"),
      "b/b.ts": `export const b = 1;`,
      "c/default.ts": `import x, { type Y } from "../b/b";`,
      "d/side-effect.ts": `import "../b/b";`,
      "e/reexport.ts": `export * from "../b/b";`,
      "f/lazy.ts": `export const load = () => import("../b/b");`,
      "g/namespace.ts": `import * as b from "../b/b";`,
      "h/mixed.ts": `import { b, type B } from "../b/b";`,
      "b/b.test.ts": `import { a } from "../a/types";`,
    });
    expect(graph.folderEdges.has("a")).toBe(false);
    expect(graph.folderEdges.has("b")).toBe(false);
    expect([...graph.folderEdges.keys()].sort()).toEqual(["c", "d", "e", "f", "g", "h"]);
  });

  it("reads multi-line imports with their line numbers", () => {
    const refs = importsOf("x.ts", `// import { no } from "./comment";\nimport {\n  a,\n  type B,\n} from "./a";\n`);
    expect(refs).toEqual([{ specifier: "./a", typeOnly: false, line: 5 }]);
  });
});

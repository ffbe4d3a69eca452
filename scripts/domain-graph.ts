import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * The import graph of `worker/domain`, by folder and by file, built from the source itself
 * (docs/decisions/039-domain-layers.md). Type-only imports are left out: they vanish at build time and cannot
 * make a module load another. Tests and their fixtures are left out too. `npx tsx scripts/domain-graph.ts`
 * prints the folders in dependency order and any cycle; tests/config/domain-layers.test.ts fails on a cycle.
 */

export interface ImportRef {
  specifier: string;
  /** `import type`, `export type`, or named bindings that are all `type`. */
  typeOnly: boolean;
  line: number;
}

/** Every module a file names: static imports and re-exports, and `import("…")` calls (lazy, but still a dependency). */
export function importsOf(fileName: string, source: string): ImportRef[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const refs: ImportRef[] = [];
  const add = (specifier: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(specifier)) return;
    refs.push({ specifier: specifier.text, typeOnly, line: file.getLineAndCharacterOfPosition(specifier.getStart(file)).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyImport(node.importClause));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      const allTypes = !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allTypes);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return refs;
}

function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  // `import "./x"` runs the module: a value import.
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  // A default binding (`import x, { type Y }`) or a namespace binding is a value.
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".json", "/index.ts", "/index.tsx"];

/** The file a relative specifier names, or null for packages and paths that do not exist. */
export function resolveSpecifier(fromFile: string, specifier: string, exists: (path: string) => boolean): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(fromFile), specifier.replace(/\.js$/, ""));
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (exists(candidate)) return candidate;
  }
  return null;
}

export interface Edge {
  from: string;
  to: string;
  line: number;
}

export interface DomainGraph {
  /** Folder names under the domain root; files directly in it belong to "(root)". */
  folders: string[];
  /** Folder -> folders it imports values from (never itself). */
  folderEdges: Map<string, Set<string>>;
  /** Every value import between two domain files, paths relative to the domain root. */
  fileEdges: Edge[];
}

export const isTestFile = (path: string) => /\.test\.tsx?$/.test(path) || /(^|\/)test-fixtures\.ts$/.test(path);

export const folderOf = (relativePath: string) => (relativePath.includes("/") ? relativePath.split("/")[0] : "(root)");

/** Builds the graph from a set of source files (absolute path -> text) under `domainRoot`. */
export function buildDomainGraph(domainRoot: string, sources: Map<string, string>): DomainGraph {
  const exists = (path: string) => sources.has(path) || existsSync(path);
  const folderEdges = new Map<string, Set<string>>();
  const fileEdges: Edge[] = [];
  const folders = new Set<string>();
  for (const [path, text] of sources) {
    const from = relative(domainRoot, path);
    if (from.startsWith("..") || isTestFile(from) || !/\.tsx?$/.test(from)) continue;
    folders.add(folderOf(from));
    for (const ref of importsOf(path, text)) {
      if (ref.typeOnly) continue;
      const target = resolveSpecifier(path, ref.specifier, exists);
      if (!target) continue;
      const to = relative(domainRoot, target);
      if (to.startsWith("..")) continue;
      fileEdges.push({ from, to, line: ref.line });
      const [a, b] = [folderOf(from), folderOf(to)];
      if (a === b) continue;
      if (!folderEdges.has(a)) folderEdges.set(a, new Set());
      folderEdges.get(a)!.add(b);
    }
  }
  return { folders: [...folders].sort(), folderEdges, fileEdges };
}

/** Reads every source file under `<repoRoot>/worker/domain` and builds its graph. */
export function readDomainGraph(repoRoot: string): DomainGraph & { domainRoot: string } {
  const domainRoot = join(repoRoot, "worker/domain");
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) sources.set(path, readFileSync(path, "utf8"));
    }
  };
  walk(domainRoot);
  return { ...buildDomainGraph(domainRoot, sources), domainRoot };
}

/** Strongly connected components with more than one member (or a member that imports itself): the cycles. */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) connect(node);
  return found.sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
}

/** Cycles among the files of one folder (`sessions.ts -> sign-in.ts -> accounts.ts -> sessions.ts`). */
export function fileCycles(graph: DomainGraph): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of graph.fileEdges) {
    if (folderOf(from) !== folderOf(to)) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
  }
  return cycles(edges);
}

/** Pairs of folders that import each other. */
export function mutualPairs(edges: Map<string, Set<string>>): string[] {
  return [...edges].flatMap(([a, targets]) => [...targets].filter((b) => a < b && edges.get(b)?.has(a)).map((b) => `${a} <-> ${b}`));
}

/**
 * Folders in layers: each layer imports only from the layers before it. Folders caught in a cycle are left out
 * (they have no place in an order).
 */
export function layers(graph: DomainGraph): string[][] {
  const placed = new Set<string>();
  const result: string[][] = [];
  let remaining = graph.folders.filter((f) => !placed.has(f));
  while (remaining.length > 0) {
    const ready = remaining.filter((f) => [...(graph.folderEdges.get(f) ?? [])].every((to) => placed.has(to)));
    if (ready.length === 0) break;
    result.push(ready);
    for (const f of ready) placed.add(f);
    remaining = remaining.filter((f) => !placed.has(f));
  }
  return result;
}

/** The edges that hold a cycle together, as `file:line -> file`, for the failure message. */
export function edgesWithin(graph: DomainGraph, members: string[], byFolder: boolean): string[] {
  const inside = new Set(members);
  const key = (path: string) => (byFolder ? folderOf(path) : path);
  return graph.fileEdges
    .filter((e) => key(e.from) !== key(e.to) && inside.has(key(e.from)) && inside.has(key(e.to)))
    .map((e) => `${e.from}:${e.line} -> ${e.to}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const graph = readDomainGraph(resolve(process.argv[2] ?? join(import.meta.dirname, "..")));
  const folderCycles = cycles(graph.folderEdges);
  const pairs = mutualPairs(graph.folderEdges);
  console.log(`folders: ${graph.folders.length}; largest cycle: ${folderCycles[0]?.length ?? 1} folders; mutual pairs: ${pairs.length}`);
  for (const c of folderCycles) console.log(`  cycle of ${c.length}: ${c.join(" ")}`);
  if (pairs.length) console.log(`  mutual: ${pairs.join(", ")}`);
  for (const c of fileCycles(graph)) console.log(`  file cycle: ${c.join(" ")}`);
  console.log("dependency order (each line imports only from the lines above it):");
  for (const [i, layer] of layers(graph).entries()) {
    console.log(
      `  ${i + 1}. ${layer.map((f) => `${f}${graph.folderEdges.has(f) ? ` (-> ${[...graph.folderEdges.get(f)!].sort().join(", ")})` : ""}`).join("; ")}`,
    );
  }
}

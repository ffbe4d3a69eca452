import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The Worker starts fast when the large libraries that few requests need are loaded on first use, by dynamic
 * `import()`: esbuild then wraps them so that they are parsed but not run at start-up
 * (docs/decisions/046-heavy-libraries-on-first-use.md). A static import from anything the Worker loads at start-up
 * (its entry, and every page module, which the server build imports) undoes that, and fails here.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const LAZY_LIBRARIES = ["stripe", "viem", "pdf-lib", "@simplewebauthn/server"];

/** Module specifiers that a file imports for their values (type-only imports left out; `import()` is not static). */
export function staticValueImports(code: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;
  for (const match of code.matchAll(statement)) {
    if (match[5]) {
      found.push(match[5]);
      continue;
    }
    if (match[2]) continue;
    const clause = match[3];
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (named && named[1].split(",").every((part) => !part.trim() || /^type\s/.test(part.trim()))) continue;
    found.push(match[4]);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), base.replace(/\.js$/, ".ts")];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null;
}

const isLazyLibrary = (specifier: string) => LAZY_LIBRARIES.some((name) => specifier === name || specifier.startsWith(`${name}/`));

/** Follows static value imports from the start-up modules; returns each lazy library reached and the path to it. */
function startupReach(entries: string[]): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue = entries.map((file) => ({ file, path: [relative(ROOT, file)] }));
  while (queue.length) {
    const { file, path } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticValueImports(readFileSync(file, "utf8"))) {
      if (isLazyLibrary(specifier)) {
        if (!reached.has(specifier)) reached.set(specifier, path);
      } else if (specifier.startsWith(".")) {
        const next = resolveLocal(file, specifier);
        if (next && !next.includes(`${join(ROOT, "build")}`)) queue.push({ file: next, path: [...path, relative(ROOT, next)] });
      }
    }
  }
  return reached;
}

const routeModules = () =>
  readdirSync(join(ROOT, "app/routes"))
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(ROOT, "app/routes", name));

describe("large libraries load on first use", () => {
  it("reads static imports and leaves type-only and dynamic ones out", () => {
    const code = [
      'import Stripe from "stripe";',
      'import type { PublicClient } from "viem";',
      'import { type PDFFont } from "pdf-lib";',
      'import { PDFDocument, type PDFPage } from "pdf-lib";',
      'export { webauthn } from "./webauthn";',
      'const lazy = () => import("stripe");',
      'import "./side-effect";',
    ].join("\n");
    expect(staticValueImports(code)).toEqual(["stripe", "pdf-lib", "./webauthn", "./side-effect"]);
  });

  it("finds a library that a start-up module reaches through local files", () => {
    const reached = startupReach([join(ROOT, "worker/domain/invoices/pdf.ts")]);
    expect([...reached.keys()]).toEqual(["pdf-lib"]);
  });

  it("keeps Stripe, viem, pdf-lib and WebAuthn out of what the Worker runs at start-up", () => {
    const reached = startupReach([join(ROOT, "worker/index.ts"), join(ROOT, "app/root.tsx"), ...routeModules()]);
    expect(Object.fromEntries([...reached].map(([library, path]) => [library, path.join(" → ")]))).toEqual({});
  });
});

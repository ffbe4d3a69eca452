import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(resolve(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { hasInstallScript?: boolean; inBundle?: boolean }>;
};
const decision = readFileSync(resolve(ROOT, "docs/decisions/026-install-scripts.md"), "utf8");

/** The package name of a lock-file key such as node_modules/a/node_modules/@scope/b. */
const nameOf = (key: string) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);

describe("install scripts", () => {
  it("are all reviewed: every dependency with one is allowed or denied in package.json", () => {
    const withScripts = new Set(
      Object.entries(lock.packages)
        // Bundled dependencies ship inside their parent's tarball, prebuilt; npm never runs their scripts.
        .filter(([key, entry]) => key !== "" && entry.hasInstallScript && !entry.inBundle)
        .map(([key]) => nameOf(key)),
    );
    expect(withScripts.size).toBeGreaterThan(0);
    const reviewed = Object.keys(pkg.allowScripts ?? {});
    expect([...withScripts].filter((name) => !reviewed.includes(name))).toEqual([]);
  });

  it("leave npm nothing to warn about at install time", () => {
    const pending = JSON.parse(execFileSync("npm", ["install-scripts", "ls", "--json"], { cwd: ROOT, encoding: "utf8" })) as {
      allowScripts: { name: string }[];
    };
    expect(pending.allowScripts.map((p) => p.name)).toEqual([]);
  });

  it("each have their reason in the decision record", () => {
    for (const name of Object.keys(pkg.allowScripts ?? {})) expect(decision, name).toContain(`\`${name}\``);
  });
});

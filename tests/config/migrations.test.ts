import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import Database from "libsql";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const MIGRATIONS = resolve(ROOT, "migrations");
const work = mkdtempSync(join(tmpdir(), "megilance-migrations-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Journal = { entries: Array<{ idx: number; tag: string }> };
type Snapshot = {
  id: string;
  prevId: string;
  tables: Record<
    string,
    { columns: Record<string, unknown>; indexes: Record<string, unknown>; checkConstraints?: Record<string, unknown> }
  >;
};

const journal = JSON.parse(readFileSync(join(MIGRATIONS, "meta/_journal.json"), "utf8")) as Journal;
const snapshotFiles = readdirSync(join(MIGRATIONS, "meta"))
  .filter((name) => name.endsWith("_snapshot.json"))
  .sort();
const latestSnapshot = JSON.parse(readFileSync(join(MIGRATIONS, "meta", snapshotFiles.at(-1)!), "utf8")) as Snapshot;

describe("migrations and the drizzle schema", () => {
  it("generating from the unchanged schema produces no migration", () => {
    const out = join(work, "migrations");
    cpSync(MIGRATIONS, out, { recursive: true });
    const result = spawnSync(
      resolve(ROOT, "node_modules/.bin/drizzle-kit"), // drizzle-kit prefixes "./" to the paths it is given, so they are relative to the checkout.
      ["generate", "--dialect", "turso", "--schema", "./db/schema/index.ts", "--out", relative(ROOT, out)],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("No schema changes");
    expect(readdirSync(out).sort()).toEqual(readdirSync(MIGRATIONS).sort());
  }, 150_000);

  it("every journal entry has its SQL file and the newest snapshot sits at the newest migration", () => {
    for (const entry of journal.entries) expect(readFileSync(join(MIGRATIONS, `${entry.tag}.sql`), "utf8").length).toBeGreaterThan(0);
    const newest = journal.entries.at(-1)!;
    expect(snapshotFiles.at(-1)).toBe(`${String(newest.idx).padStart(4, "0")}_snapshot.json`);
  });

  it("the migrated database has every table, column, index and check the snapshot describes", () => {
    const db = new Database(":memory:");
    for (const entry of journal.entries) db.exec(readFileSync(join(MIGRATIONS, `${entry.tag}.sql`), "utf8"));
    const objects = db.prepare("select type, name, tbl_name, sql from sqlite_master").all() as Array<{
      type: string;
      name: string;
      tbl_name: string;
      sql: string | null;
    }>;
    const missing: string[] = [];
    for (const [table, shape] of Object.entries(latestSnapshot.tables)) {
      const created = objects.find((o) => o.type === "table" && o.name === table);
      if (!created) {
        missing.push(`table ${table}`);
        continue;
      }
      const columns = new Set((db.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name));
      for (const column of Object.keys(shape.columns)) if (!columns.has(column)) missing.push(`column ${table}.${column}`);
      for (const index of Object.keys(shape.indexes))
        if (!objects.some((o) => o.type === "index" && o.name === index && o.tbl_name === table)) missing.push(`index ${index}`);
      for (const check of Object.keys(shape.checkConstraints ?? {}))
        if (!created.sql?.includes(`"${check}"`)) missing.push(`check ${check}`);
    }
    expect(missing).toEqual([]);
    db.close();
  });
});

/**
 * Writes generated market rows straight into a database file through the `libsql` package: one prepared insert
 * per table, large transactions, and the written tables' indexes and triggers (search index upkeep included)
 * set aside during the load and rebuilt once at the end, which is many times faster than row-by-row upkeep.
 * Only for building a fresh file nobody else has open (bench markets); the app always writes through the domain.
 */
import Database from "libsql";
import { getTableColumns, getTableName, type Column } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { MarketWriter } from "./market";

type Table = Parameters<MarketWriter["add"]>[0];
type Prepared = { run: (values: unknown[]) => unknown };

interface TableWriter {
  name: string;
  columns: Array<{ key: string; column: Column }>;
  /** Multi-row inserts by row count (binding a whole batch per call is several times faster than a row at a time). */
  statements: Map<number, Prepared>;
  /** Values of rows not yet inserted, flat. */
  pending: unknown[];
}

/** Rows per transaction: large enough that commits cost nothing. */
const ROWS_PER_TRANSACTION = 200_000;
const ROWS_PER_STATEMENT = 200;
/** The full-text indexes (word and trigram, migrations 0002 and 0031) and the content table each follows. */
const FULL_TEXT_INDEXES = [
  ["projects_fts", "projects"],
  ["projects_trigram", "projects"],
  ["freelancers_fts", "freelancer_profiles"],
  ["freelancers_trigram", "freelancer_profiles"],
] as const;

export class BulkWriter implements MarketWriter {
  private readonly db: Database.Database;
  private readonly writers = new Map<string, TableWriter>();
  /** The last writer used per table, reused while rows keep the same columns. */
  private readonly lastWriter = new Map<Table, { keys: string; writer: TableWriter }>();
  private readonly setAside: Array<{ name: string; sql: string }> = [];
  private readonly touched = new Set<string>();
  private rowsInTransaction = 0;

  constructor(file: string) {
    this.db = new Database(file);
    // A throwaway build: no journal or fsync, a big page cache, sorting in memory.
    this.db.exec(
      "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;",
    );
    this.db.exec("BEGIN");
  }

  /** Drops the indexes and triggers of `tables` until `finish()`: they are rebuilt in one pass each. */
  deferIndexes(tables: SQLiteTable[]): void {
    const names = tables.map((t) => getTableName(t));
    const rows = this.db
      .prepare(
        `SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${names.map(() => "?").join(", ")})`,
      )
      .all(...names) as Array<{ type: string; name: string; sql: string }>;
    for (const row of rows) {
      this.setAside.push({ name: row.name, sql: row.sql });
      this.db.exec(`DROP ${row.type === "index" ? "INDEX" : "TRIGGER"} "${row.name}"`);
    }
  }

  add(table: Table, rows: Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    const keys = Object.keys(rows[0]).join(",");
    const last = this.lastWriter.get(table);
    const writer = last && last.keys === keys ? last.writer : this.writerFor(table as SQLiteTable, rows[0]);
    if (!last || last.writer !== writer) this.lastWriter.set(table, { keys, writer });
    const width = writer.columns.length;
    for (const row of rows) {
      for (let i = 0; i < width; i++) {
        const { key, column } = writer.columns[i];
        let value = row[key];
        if (value === undefined && column.defaultFn) value = column.defaultFn();
        writer.pending.push(value === undefined || value === null ? null : column.mapToDriverValue(value));
      }
      if (writer.pending.length >= ROWS_PER_STATEMENT * width) this.write(writer);
    }
    this.rowsInTransaction += rows.length;
    if (this.rowsInTransaction >= ROWS_PER_TRANSACTION) this.commit();
  }

  async flush(): Promise<void> {
    this.commit();
  }

  private write(writer: TableWriter): void {
    const rows = writer.pending.length / writer.columns.length;
    if (rows === 0) return;
    let statement = writer.statements.get(rows);
    if (!statement) {
      const tuple = `(${writer.columns.map(() => "?").join(", ")})`;
      const sql = `INSERT INTO "${writer.name}" (${writer.columns.map((c) => `"${c.column.name}"`).join(", ")}) VALUES ${new Array(rows).fill(tuple).join(", ")}`;
      statement = this.db.prepare(sql) as unknown as Prepared;
      writer.statements.set(rows, statement);
    }
    statement.run(writer.pending);
    writer.pending = [];
  }

  /**
   * Commits, rebuilds what was set aside (the full-text indexes from their content tables), optionally gathers
   * statistics for the query planner (as `PRAGMA optimize` does on a live database), and closes.
   */
  finish(options: { analyze?: boolean; onProgress?: (message: string) => void } = {}): void {
    const onProgress = options.onProgress ?? (() => {});
    this.commit();
    for (const { name, sql } of this.setAside) {
      onProgress(`rebuilding ${name}`);
      this.db.exec(sql);
    }
    for (const [fts, content] of FULL_TEXT_INDEXES) {
      if (!this.touched.has(content)) continue;
      onProgress(`rebuilding ${fts}`);
      this.db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
    }
    this.db.exec("COMMIT");
    if (options.analyze) {
      onProgress("gathering planner statistics");
      this.db.exec("PRAGMA analysis_limit = 2000; ANALYZE;");
    }
    this.db.close();
  }

  private commit(): void {
    // Parents were added before children; writing tables in first-seen order keeps that.
    for (const writer of this.writers.values()) this.write(writer);
    this.db.exec("COMMIT; BEGIN");
    this.rowsInTransaction = 0;
  }

  private writerFor(table: SQLiteTable, sample: Record<string, unknown>): TableWriter {
    const name = getTableName(table);
    const all = Object.entries(getTableColumns(table));
    const columns = all.filter(([key, column]) => key in sample || column.defaultFn).map(([key, column]) => ({ key, column }));
    const signature = `${name}:${columns.map((c) => c.key).join(",")}`;
    const existing = this.writers.get(signature);
    if (existing) return existing;
    const writer: TableWriter = { name, columns, statements: new Map(), pending: [] };
    this.writers.set(signature, writer);
    this.touched.add(name);
    return writer;
  }
}

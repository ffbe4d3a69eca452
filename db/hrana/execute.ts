import { isBusyError, type Connection } from "./connection";
import { errorBody, HranaError } from "./errors";
import { bindArguments, scanSql, type SqlScan } from "./params";
import type { Batch, BatchCond, BatchResult, CursorEntry, DescribeResult, SqlRef, Stmt, StmtResult } from "./protocol";
import { valueFromHrana, valueToHrana, type SqlValue } from "./values";

/** The state of one stream that statements run against. */
export interface StreamContext {
  readonly conn: Connection;
  readonly sqls: Map<number, string>;
  /** Resolves once no other connection holds the write lock (or rejects with SQLITE_BUSY). */
  waitForWriteLock(): Promise<void>;
}

export function resolveSql(ctx: StreamContext, ref: SqlRef): string {
  if (ref.sql !== undefined && ref.sql_id !== undefined)
    throw new HranaError("Give either `sql` or `sql_id`, not both", "HRANA_PROTO_ERROR");
  if (ref.sql !== undefined) return ref.sql;
  if (ref.sql_id === undefined) throw new HranaError("Give `sql` or `sql_id`", "HRANA_PROTO_ERROR");
  const sql = ctx.sqls.get(ref.sql_id);
  if (sql === undefined) throw new HranaError(`No SQL text is stored under id ${ref.sql_id} on this stream`, "SQL_NOT_FOUND");
  return sql;
}

function scanSingle(sql: string): SqlScan {
  const scan = scanSql(sql);
  if (scan.hasMoreStatements) {
    throw new HranaError("SQL string contains more than one statement; use executeMultiple() or batch() for several", "SQLITE_ERROR");
  }
  return scan;
}

const READONLY_BEGIN = /^\s*BEGIN\s+(?:TRANSACTION\s+)?READONLY\s*;?\s*$/i;

const EMPTY_RESULT: StmtResult = { cols: [], rows: [], affected_row_count: 0, last_insert_rowid: null };

export async function executeStmt(ctx: StreamContext, stmt: Stmt): Promise<StmtResult> {
  const sql = resolveSql(ctx, stmt);
  const scan = scanSingle(sql);
  if (scan.empty) return EMPTY_RESULT;
  if (READONLY_BEGIN.test(sql)) {
    ctx.conn.beginReadonly();
    return EMPTY_RESULT;
  }
  const args = bindArguments<SqlValue>(
    scan,
    stmt.args.map(valueFromHrana),
    stmt.named_args.map(({ name, value }) => ({ name, value: valueFromHrana(value) })),
  );
  const conn = ctx.conn;
  const prepared = await conn.prepare(sql);
  const columns = prepared.columns();
  if (columns.length > 0) prepared.raw(true);
  const before = conn.counters().totalChanges;
  let rows: unknown[][] = [];
  try {
    // The same prepared statement is retried: libsql resets it before each run.
    if (columns.length > 0) rows = await conn.retry(() => prepared.all(args) as unknown[][]);
    else await conn.retry(() => prepared.run(args));
  } catch (error) {
    if (isBusyError(error)) conn.stale = true;
    throw error;
  } finally {
    conn.settle();
  }
  const after = conn.counters();
  const changed = after.totalChanges !== before;
  return {
    cols: columns.map((c) => ({ name: c.name, decltype: c.type ?? null })),
    rows: stmt.want_rows ? rows.map((row) => row.map(valueToHrana)) : [],
    affected_row_count: changed ? Number(after.changes) : 0,
    last_insert_rowid: changed ? after.lastInsertRowid.toString() : null,
  };
}

function checkConditionSteps(cond: BatchCond, stepIndex: number): void {
  switch (cond.type) {
    case "ok":
    case "error":
      if (cond.step < 0 || cond.step >= stepIndex) {
        throw new HranaError(
          `Batch step ${stepIndex} has a condition on step ${cond.step}, which does not run before it`,
          "HRANA_PROTO_ERROR",
        );
      }
      return;
    case "not":
      return checkConditionSteps(cond.cond, stepIndex);
    case "and":
    case "or":
      return cond.conds.forEach((c) => checkConditionSteps(c, stepIndex));
    case "is_autocommit":
      return;
  }
}

function evalCondition(cond: BatchCond, result: BatchResult, ctx: StreamContext): boolean {
  switch (cond.type) {
    case "ok":
      return result.step_results[cond.step] !== null;
    case "error":
      return result.step_errors[cond.step] !== null;
    case "not":
      return !evalCondition(cond.cond, result, ctx);
    case "and":
      return cond.conds.every((c) => evalCondition(c, result, ctx));
    case "or":
      return cond.conds.some((c) => evalCondition(c, result, ctx));
    case "is_autocommit":
      return !ctx.conn.inTransaction;
  }
}

export async function executeBatch(ctx: StreamContext, batch: Batch): Promise<BatchResult> {
  batch.steps.forEach((step, i) => step.condition && checkConditionSteps(step.condition, i));
  const result: BatchResult = { step_results: [], step_errors: [] };
  for (const step of batch.steps) {
    if (step.condition && !evalCondition(step.condition, result, ctx)) {
      result.step_results.push(null);
      result.step_errors.push(null);
      continue;
    }
    try {
      result.step_results.push(await executeStmt(ctx, step.stmt));
      result.step_errors.push(null);
    } catch (error) {
      result.step_results.push(null);
      result.step_errors.push(errorBody(error));
    }
  }
  return result;
}

/** The batch result told as the entries of a Hrana 3 cursor. */
export function cursorEntries(result: BatchResult): CursorEntry[] {
  const entries: CursorEntry[] = [];
  result.step_results.forEach((stepResult, step) => {
    const error = result.step_errors[step];
    if (error) {
      entries.push({ type: "step_error", step, error });
    } else if (stepResult) {
      entries.push({ type: "step_begin", step, cols: stepResult.cols });
      for (const row of stepResult.rows) entries.push({ type: "row", row });
      entries.push({
        type: "step_end",
        affected_row_count: stepResult.affected_row_count,
        last_insert_rowid: stepResult.last_insert_rowid,
      });
    }
  });
  return entries;
}

export async function executeSequence(ctx: StreamContext, ref: SqlRef): Promise<void> {
  const sql = resolveSql(ctx, ref);
  // A script cannot be retried halfway through, so it starts only once the write lock is free; with no
  // await in between, no other stream of this process can take the lock before the script runs.
  if (!ctx.conn.inTransaction) await ctx.waitForWriteLock();
  try {
    ctx.conn.exec(sql);
  } finally {
    ctx.conn.settle();
  }
}

export async function describeStmt(ctx: StreamContext, ref: SqlRef): Promise<DescribeResult> {
  const sql = resolveSql(ctx, ref);
  const scan = scanSingle(sql);
  const prepared = await ctx.conn.prepare(sql);
  const params = Array.from({ length: scan.paramCount }, (_, i) => ({
    name: [...scan.names].find(([, index]) => index === i + 1)?.[0] ?? null,
  }));
  const cols = prepared.columns().map((c) => ({ name: c.name, decltype: c.type ?? null }));
  const isExplain = scan.firstKeyword === "EXPLAIN";
  return { params, cols, is_explain: isExplain, is_readonly: isExplain || scan.empty || (await isReadonly(ctx, sql, scan)) };
}

/** What `sqlite3_stmt_readonly` says: the compiled program never opens a write transaction. */
async function isReadonly(ctx: StreamContext, sql: string, scan: SqlScan): Promise<boolean> {
  const explain = (await ctx.conn.prepare(`EXPLAIN ${sql}`)).raw(true);
  const program = await ctx.conn.retry(() => explain.all(new Array<null>(scan.paramCount).fill(null)) as unknown[][]);
  return !program.some((op) => op[1] === "Transaction" && op[3] !== 0n && op[3] !== 0);
}

import Database from "libsql";
import { setTimeout as sleep } from "node:timers/promises";
import { HranaError, isSqliteError } from "./errors";

export type LibsqlDatabase = InstanceType<typeof Database>;
export type LibsqlStatement = ReturnType<LibsqlDatabase["prepare"]>;

export function openDatabase(file: string): LibsqlDatabase {
  const db = new Database(file);
  // SQLite's own busy wait would block the event loop, and with it the request that releases the lock
  // (the lock holder is usually another stream of this same process). Busy errors are retried
  // asynchronously in `retryBusy` instead.
  db.exec("PRAGMA busy_timeout = 0");
  // The libSQL server enables foreign keys on every connection; SQLite's default is off.
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = NORMAL");
  db.defaultSafeIntegers(true);
  return db;
}

const RETRYABLE = new Set(["SQLITE_BUSY", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE"]);

export function isBusyError(error: unknown): boolean {
  return isSqliteError(error) && (error.code.startsWith("SQLITE_BUSY") || error.code.startsWith("SQLITE_LOCKED"));
}

/**
 * Runs `attempt` until it stops failing with SQLITE_BUSY or `timeoutMs` passes, yielding to the event
 * loop in between so the stream holding the lock can commit. `attempt` must be safe to repeat after a
 * busy error, which holds for a single statement: SQLite did nothing when it could not get the lock.
 */
export async function retryBusy<T>(attempt: () => T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 1;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!isSqliteError(error) || !RETRYABLE.has(error.code) || Date.now() >= deadline) throw error;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 25);
  }
}

/**
 * A stream's connection. Every use goes through here because touching a closed `libsql` database
 * (even reading `inTransaction`) can abort the whole process.
 */
export class Connection {
  readonly #db: LibsqlDatabase;
  readonly #busyTimeoutMs: number;
  #closed = false;
  #counters: LibsqlStatement | undefined;
  #readonlyTransaction = false;
  /**
   * A statement that failed with SQLITE_BUSY stays un-reset in `libsql`, so the connection's next read
   * transaction never ends and the connection keeps seeing that snapshot.
   */
  stale = false;

  constructor(file: string, busyTimeoutMs: number) {
    this.#db = openDatabase(file);
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  get inTransaction(): boolean {
    return !this.#closed && this.#db.inTransaction;
  }

  /** Runs `attempt` with busy retries, giving up once the connection is closed under it. */
  retry<T>(attempt: () => T): Promise<T> {
    return retryBusy(() => {
      if (this.#closed) throw new HranaError("The stream was closed", "STREAM_CLOSED");
      return attempt();
    }, this.#busyTimeoutMs);
  }

  prepare(sql: string): Promise<LibsqlStatement> {
    return this.retry(() => this.#db.prepare(sql));
  }

  exec(sql: string): void {
    if (this.#closed) throw new HranaError("The stream was closed", "STREAM_CLOSED");
    this.#db.exec(sql);
  }

  /** `changes()`, `last_insert_rowid()` and `total_changes()` after the last statement. */
  counters(): { changes: bigint; lastInsertRowid: bigint; totalChanges: bigint } {
    if (this.#closed) throw new HranaError("The stream was closed", "STREAM_CLOSED");
    this.#counters ??= this.#db.prepare("SELECT changes(), last_insert_rowid(), total_changes()").raw(true);
    const [changes, lastInsertRowid, totalChanges] = this.#counters.get([]) as [bigint, bigint, bigint];
    return { changes, lastInsertRowid, totalChanges };
  }

  /**
   * `BEGIN TRANSACTION READONLY` (what the client sends for "read" transactions) is libSQL server
   * syntax; SQLite would take READONLY for a transaction name and allow writes.
   */
  beginReadonly(): void {
    this.exec("BEGIN DEFERRED");
    this.exec("PRAGMA query_only = ON");
    this.#readonlyTransaction = true;
  }

  /** Lifts the read-only mode once its transaction ended, however it ended. */
  settle(): void {
    if (this.#readonlyTransaction && !this.inTransaction && !this.#closed) {
      this.exec("PRAGMA query_only = OFF");
      this.#readonlyTransaction = false;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
    } catch {
      // Closing drops whatever is left of the transaction anyway.
    }
    this.#db.close();
  }
}

import { randomBytes } from "node:crypto";
import { Connection, openDatabase, retryBusy, type LibsqlDatabase } from "./connection";
import type { StreamContext } from "./execute";

export interface StreamSettings {
  file: string;
  /** A stream nobody used for this long is closed and its open transaction rolled back. */
  idleTimeoutMs: number;
  /** How long a statement waits for another stream's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs: number;
}

/** The request named a baton that belongs to no open stream. */
export class StreamNotFoundError extends Error {}

/** One Hrana stream: a connection of its own, so its transaction is invisible to other streams. */
export class Stream implements StreamContext {
  readonly sqls = new Map<number, string>();
  closed = false;
  idleTimer: NodeJS.Timeout | undefined;
  #conn: Connection;

  constructor(
    private readonly settings: StreamSettings,
    readonly waitForWriteLock: () => Promise<void>,
  ) {
    this.#conn = new Connection(settings.file, settings.busyTimeoutMs);
  }

  get conn(): Connection {
    return this.#conn;
  }

  /** Swaps a connection left on an old snapshot (see `Connection.stale`) once no transaction needs it. */
  refreshConnection(): void {
    if (this.#conn.stale && !this.#conn.inTransaction) {
      this.#conn.close();
      this.#conn = new Connection(this.settings.file, this.settings.busyTimeoutMs);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    this.#conn.close();
  }
}

/**
 * Open streams by baton. A baton is good for exactly one request: taking it removes it, and the
 * response carries a fresh one, so a stream only ever serves one request at a time.
 */
export class StreamRegistry {
  readonly #byBaton = new Map<string, Stream>();
  readonly #streams = new Set<Stream>();
  readonly #lockProbe: LibsqlDatabase;
  #closed = false;

  constructor(private readonly settings: StreamSettings) {
    // Also keeps one connection open for the server's lifetime, so SQLite does not checkpoint and
    // delete the WAL each time the last stream closes.
    this.#lockProbe = openDatabase(settings.file);
    this.#lockProbe.exec("PRAGMA journal_mode = WAL");
  }

  open(): Stream {
    if (this.#closed) throw new StreamNotFoundError("The server is shutting down");
    const stream = new Stream(this.settings, () => this.#waitForWriteLock());
    this.#streams.add(stream);
    return stream;
  }

  take(baton: string): Stream {
    const stream = this.#byBaton.get(baton);
    if (!stream) {
      const seconds = this.settings.idleTimeoutMs / 1000;
      throw new StreamNotFoundError(
        `Unknown or expired baton: the stream it named is closed (streams close after ${seconds} s without requests, and each baton is good for one request only)`,
      );
    }
    this.#byBaton.delete(baton);
    clearTimeout(stream.idleTimer);
    return stream;
  }

  /** Hands the stream back after a request; returns its next baton, or null once it is closed. */
  release(stream: Stream): string | null {
    if (this.#closed) stream.close();
    if (stream.closed) {
      this.#streams.delete(stream);
      return null;
    }
    stream.refreshConnection();
    const baton = randomBytes(24).toString("base64url");
    this.#byBaton.set(baton, stream);
    stream.idleTimer = setTimeout(() => {
      this.#byBaton.delete(baton);
      this.#streams.delete(stream);
      stream.close();
    }, this.settings.idleTimeoutMs);
    stream.idleTimer.unref();
    return baton;
  }

  closeAll(): void {
    this.#closed = true;
    for (const stream of this.#streams) stream.close();
    this.#streams.clear();
    this.#byBaton.clear();
    this.#lockProbe.close();
  }

  #waitForWriteLock(): Promise<void> {
    return retryBusy(() => {
      if (this.#closed) throw new StreamNotFoundError("The server is shutting down");
      this.#lockProbe.exec("BEGIN IMMEDIATE");
      this.#lockProbe.exec("ROLLBACK");
    }, this.settings.busyTimeoutMs);
  }
}

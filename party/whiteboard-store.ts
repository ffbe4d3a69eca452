import * as Y from "yjs";

/** Past this many stored updates, loading the board folds them into one. */
export const COMPACT_AFTER_UPDATES = 200;
/** A Durable Object SQLite row holds at most 2 MB; a bigger board stays as separate updates. */
const MAX_ROW_BYTES = 1_900_000;

/**
 * A Yjs document kept in a Durable Object's own SQLite database as an append-only list of updates.
 * Writes are synchronous and ordered, so an update is stored before the room handles the next message.
 */
export class BoardStore {
  constructor(private storage: DurableObjectStorage) {
    storage.sql.exec("CREATE TABLE IF NOT EXISTS board_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL)");
  }

  append(update: Uint8Array): void {
    this.storage.sql.exec("INSERT INTO board_updates (data) VALUES (?)", update);
  }

  /** Applies every stored update to `doc`, compacting them when there are many. */
  load(doc: Y.Doc): void {
    const rows = this.storage.sql.exec<{ data: ArrayBuffer }>("SELECT data FROM board_updates ORDER BY seq").toArray();
    if (rows.length === 0) return;
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    });
    if (rows.length > COMPACT_AFTER_UPDATES) this.compact(doc);
  }

  updateCount(): number {
    return this.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM board_updates").one().n;
  }

  private compact(doc: Y.Doc): void {
    const state = Y.encodeStateAsUpdate(doc);
    if (state.byteLength > MAX_ROW_BYTES) return;
    this.storage.transactionSync(() => {
      this.storage.sql.exec("DELETE FROM board_updates");
      this.storage.sql.exec("INSERT INTO board_updates (data) VALUES (?)", state);
    });
  }
}

import { createClient as createNodeClient, LibsqlError, type Client, type Config } from "@libsql/client";
import { createClient as createWebClient } from "@libsql/client/web";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindArguments, scanSql } from "./hrana/params";
import { startLocalDbServer, taggedDatabaseUrl, type LocalDbServer } from "./local-server";

const dir = mkdtempSync(join(tmpdir(), "megilance-local-db-"));
let server: LocalDbServer;
const clients: Client[] = [];
let tableSeq = 0;

beforeAll(async () => {
  server = await startLocalDbServer({ file: join(dir, "nested", "test.db"), port: 0 });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

type Factory = (config: Config) => Client;

function track(client: Client): Client {
  clients.push(client);
  return client;
}

async function freshTable(client: Client, columns = "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE"): Promise<string> {
  const name = `t${++tableSeq}`;
  await client.execute(`CREATE TABLE ${name} (${columns})`);
  return name;
}

async function count(client: Client, table: string): Promise<number> {
  const rs = await client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(rs.rows[0].n);
}

/** A raw Hrana-over-HTTP pipeline request, for what the client does not expose. */
async function pipeline(url: string, body: unknown, headers: Record<string, string> = {}, version = "v2"): Promise<Response> {
  return fetch(`${url}/${version}/pipeline`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

interface PipelineJson {
  baton: string | null;
  base_url: string | null;
  results: {
    type: string;
    response?: { type: string; result?: unknown; is_autocommit?: boolean };
    error?: { message: string; code: string };
  }[];
}

const execute = (sql: string, args: unknown[] = []) => ({ type: "execute", stmt: { sql, args } });

describe.each<[string, Factory]>([
  ["@libsql/client", createNodeClient],
  ["@libsql/client/web", createWebClient],
])("with %s", (_name, createClient) => {
  let db: Client;
  let other: Client;
  beforeAll(() => {
    db = track(createClient({ url: server.url }));
    other = track(createClient({ url: server.url }));
  });

  it("executes statements with columns, decltypes, affected rows and rowids", async () => {
    const table = await freshTable(db);
    const insert = await db.execute({ sql: `INSERT INTO ${table} (name) VALUES (?), (?)`, args: ["a", "b"] });
    expect(insert.rowsAffected).toBe(2);
    expect(insert.lastInsertRowid).toBe(2n);

    const update = await db.execute({ sql: `UPDATE ${table} SET name = name || '!' WHERE id = :id`, args: { id: 1 } });
    expect(update.rowsAffected).toBe(1);

    const select = await db.execute(`SELECT id, name, length(name) AS len FROM ${table} ORDER BY id`);
    expect(select.columns).toEqual(["id", "name", "len"]);
    expect(select.columnTypes).toEqual(["INTEGER", "TEXT", ""]);
    expect(select.rows.map((r) => ({ ...r }))).toEqual([
      { id: 1, name: "a!", len: 2 },
      { id: 2, name: "b", len: 1 },
    ]);
    expect(select.rowsAffected).toBe(0);

    const returning = await db.execute({ sql: `INSERT INTO ${table} (name) VALUES ($name) RETURNING id, name`, args: { $name: "c" } });
    expect(returning.rows.map((r) => ({ ...r }))).toEqual([{ id: 3, name: "c" }]);
    expect(returning.rowsAffected).toBe(1);
    expect(returning.lastInsertRowid).toBe(3n);
  });

  it.each(["write", "read", "deferred"] as const)("runs a batch in %s mode", async (mode) => {
    const table = await freshTable(db);
    await db.execute(`INSERT INTO ${table} (name) VALUES ('seed')`);
    if (mode === "read") {
      const results = await db.batch([`SELECT name FROM ${table}`, `SELECT count(*) AS n FROM ${table}`], mode);
      expect(results.map((r) => r.rows[0][0])).toEqual(["seed", 1]);
      await expect(db.batch([`INSERT INTO ${table} (name) VALUES ('x')`], mode)).rejects.toThrow(/readonly|read-only|read only/i);
      return;
    }
    const results = await db.batch(
      [
        { sql: `INSERT INTO ${table} (name) VALUES (?)`, args: ["one"] },
        { sql: `INSERT INTO ${table} (name) VALUES (?)`, args: ["two"] },
        `SELECT name FROM ${table} ORDER BY id`,
      ],
      mode,
    );
    expect(results[1].lastInsertRowid).toBe(3n);
    expect(results[2].rows.map((r) => r.name)).toEqual(["seed", "one", "two"]);
    expect(await count(other, table)).toBe(3);
  });

  it("rolls the whole batch back when a statement fails", async () => {
    const table = await freshTable(db);
    await db.execute(`INSERT INTO ${table} (name) VALUES ('kept')`);
    const failing = db.batch(
      [
        `INSERT INTO ${table} (name) VALUES ('lost')`,
        `INSERT INTO ${table} (name) VALUES ('kept')`,
        `INSERT INTO ${table} (name) VALUES ('never')`,
      ],
      "write",
    );
    await expect(failing).rejects.toThrow(/UNIQUE constraint failed/);
    const rows = await other.execute(`SELECT name FROM ${table}`);
    expect(rows.rows.map((r) => r.name)).toEqual(["kept"]);
    // The rolled-back batch left no transaction or lock behind.
    await db.execute(`INSERT INTO ${table} (name) VALUES ('after')`);
    expect(await count(other, table)).toBe(2);
  });

  it("commits an interactive transaction across requests", async () => {
    const table = await freshTable(db);
    const tx = await db.transaction("write");
    await tx.execute({ sql: `INSERT INTO ${table} (name) VALUES (?)`, args: ["in-tx"] });
    const inside = await tx.execute(`SELECT count(*) AS n FROM ${table}`);
    expect(inside.rows[0].n).toBe(1);
    expect(await count(other, table)).toBe(0);
    await tx.batch([`INSERT INTO ${table} (name) VALUES ('second')`]);
    await tx.commit();
    expect(await count(other, table)).toBe(2);
  });

  it("rolls an interactive transaction back", async () => {
    const table = await freshTable(db);
    await db.execute(`INSERT INTO ${table} (name) VALUES ('before')`);
    const tx = await db.transaction("write");
    await tx.execute(`INSERT INTO ${table} (name) VALUES ('doomed')`);
    await tx.execute(`DELETE FROM ${table} WHERE name = 'before'`);
    await tx.rollback();
    const rows = await other.execute(`SELECT name FROM ${table}`);
    expect(rows.rows.map((r) => r.name)).toEqual(["before"]);
  });

  it("runs executeMultiple and migrate", async () => {
    const a = `t${++tableSeq}`;
    await db.executeMultiple(`
      CREATE TABLE ${a} (x INTEGER); -- a comment; with a semicolon
      INSERT INTO ${a} VALUES (1); INSERT INTO ${a} VALUES ('two;three');
    `);
    expect(await count(other, a)).toBe(2);
    await expect(db.executeMultiple(`INSERT INTO ${a} VALUES (4); SELEC nope; INSERT INTO ${a} VALUES (5);`)).rejects.toThrow(
      /syntax error/,
    );
    expect(await count(other, a)).toBe(3);

    const b = `t${++tableSeq}`;
    await db.migrate([`CREATE TABLE ${b} (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES ${b}(id))`, `INSERT INTO ${b} VALUES (1, 2)`]);
    expect(await count(other, b)).toBe(1);
    // Outside migrate() foreign keys are enforced, as on the libSQL server.
    await expect(db.execute(`INSERT INTO ${b} VALUES (3, 99)`)).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });

  it("round-trips typed values", async () => {
    const typed = track(createClient({ url: server.url, intMode: "bigint" }));
    const table = await freshTable(typed, "i INTEGER, f REAL, t TEXT, b BLOB, n");
    const big = 9007199254740993n;
    const blob = new Uint8Array([0, 1, 2, 250, 255]);
    const text = 'héllo wörld 🌍 日本語 \t\n"quoted" \\ end';
    await typed.execute({ sql: `INSERT INTO ${table} VALUES (?, ?, ?, ?, ?)`, args: [big, 3.25, text, blob, null] });
    await typed.execute({
      sql: `INSERT INTO ${table} VALUES (?, ?, ?, ?, ?)`,
      args: [-(2n ** 63n), -0.5e-300, "", new Uint8Array([]), null],
    });
    await typed.execute({ sql: `INSERT INTO ${table} VALUES (?, ?, ?, ?, ?)`, args: [2n ** 63n - 1n, 1e300, "x", blob.buffer, null] });

    const rs = await typed.execute(`SELECT i, f, t, b, n, typeof(i) AS ti, typeof(f) AS tf, typeof(b) AS tb FROM ${table} ORDER BY rowid`);
    const [first, second, third] = rs.rows;
    expect(first.i).toBe(big);
    expect(first.f).toBe(3.25);
    expect(first.t).toBe(text);
    expect(new Uint8Array(first.b as ArrayBuffer)).toEqual(blob);
    expect(first.n).toBeNull();
    expect([first.ti, first.tf, first.tb]).toEqual(["integer", "real", "blob"]);
    expect(second.i).toBe(-(2n ** 63n));
    expect(second.f).toBe(-0.5e-300);
    expect(second.t).toBe("");
    expect((second.b as ArrayBuffer).byteLength).toBe(0);
    expect(third.i).toBe(2n ** 63n - 1n);
    expect(third.f).toBe(1e300);
    expect(new Uint8Array(third.b as ArrayBuffer)).toEqual(blob);

    const exact = await typed.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE i = ?`, args: [big] });
    expect(exact.rows[0].n).toBe(1n);
    const inf = await typed.execute("SELECT 9e999 AS p, -9e999 AS m, 1.0 AS one");
    expect(inf.rows[0].p).toBe(Infinity);
    expect(inf.rows[0].m).toBe(-Infinity);
    expect(inf.rows[0].one).toBe(1);
  });

  it("serves 20 clients inserting at once", async () => {
    const table = await freshTable(db, "id INTEGER PRIMARY KEY, client INTEGER, seq INTEGER");
    const many = Array.from({ length: 20 }, () => track(createClient({ url: server.url })));
    await Promise.all(
      many.map(async (client, c) => {
        for (let seq = 0; seq < 5; seq++) {
          if (seq % 2 === 0) await client.execute({ sql: `INSERT INTO ${table} (client, seq) VALUES (?, ?)`, args: [c, seq] });
          else await client.batch([{ sql: `INSERT INTO ${table} (client, seq) VALUES (?, ?)`, args: [c, seq] }], "write");
        }
      }),
    );
    const rs = await other.execute(
      `SELECT count(*) AS n, count(DISTINCT client) AS clients, count(DISTINCT client || '-' || seq) AS pairs FROM ${table}`,
    );
    expect({ ...rs.rows[0] }).toEqual({ n: 100, clients: 20, pairs: 100 });
  });

  it("makes a write wait for another stream's open write transaction", async () => {
    const table = await freshTable(db);
    const tx = await db.transaction("write");
    try {
      await tx.execute(`INSERT INTO ${table} (name) VALUES ('tx')`);
      let settled = false;
      const waiting = other.execute(`INSERT INTO ${table} (name) VALUES ('waiting')`).finally(() => (settled = true));
      // Reads are not blocked by the open write transaction.
      expect(await count(track(createClient({ url: server.url })), table)).toBe(0);
      await sleep(200);
      expect(settled).toBe(false);
      await tx.commit();
      await waiting;
      expect(await count(other, table)).toBe(2);
    } finally {
      tx.close();
    }
  });

  it("reports bad SQL as a LibsqlError and keeps serving", async () => {
    const error = await db.execute("SELEC 1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe("SQLITE_ERROR");
    expect((error as LibsqlError).message).toMatch(/near "SELEC": syntax error/);

    await expect(db.execute("SELECT * FROM no_such_table")).rejects.toThrow(/no such table: no_such_table/);
    const table = await freshTable(db);
    await db.execute(`INSERT INTO ${table} (name) VALUES ('x')`);
    const constraint = await db.execute(`INSERT INTO ${table} (name) VALUES ('x')`).catch((e: unknown) => e);
    expect((constraint as LibsqlError).code).toBe("SQLITE_CONSTRAINT");
    await expect(db.execute({ sql: "SELECT ?", args: [] })).rejects.toThrow(/Missing argument/);
    await expect(db.execute({ sql: "SELECT ?", args: [1, 2] })).rejects.toThrow(/1 parameter\(s\) but 2/);
    await expect(db.execute({ sql: "SELECT :a", args: { b: 1 } })).rejects.toThrow(/no parameter named "b"/);
    await expect(db.execute("SELECT 1; SELECT 2")).rejects.toThrow(/more than one statement/);

    const ok = await db.execute("SELECT 41 + 1 AS answer");
    expect(ok.rows[0].answer).toBe(42);
  });
});

describe("SQL parameter scanning", () => {
  it("numbers parameters as SQLite does", () => {
    const scan = scanSql("SELECT ?, :a, ?5, @b, :a, ?, $c::d(x y) -- :ignored ?\n /* ?, :no */");
    expect(scan.paramCount).toBe(7);
    expect(Object.fromEntries(scan.names)).toEqual({ ":a": 2, "?5": 5, "@b": 6 });
    expect([...scan.used].sort()).toEqual([1, 2, 5, 6, 7]);
    expect(scan.hasMoreStatements).toBe(false);
  });

  it("skips strings, quoted identifiers and identifiers with $", () => {
    const scan = scanSql(`SELECT 'it''s ? :x', "col ?", \`a?\`, [b :c], x'00', a$b, :real FROM t;  -- done`);
    expect(scan.paramCount).toBe(1);
    expect(Object.fromEntries(scan.names)).toEqual({ ":real": 1 });
    expect(scan.empty).toBe(false);
    expect(scanSql(" ; -- nothing\n /* at all */").empty).toBe(true);
  });

  it("finds a second statement but not the semicolons of a trigger body", () => {
    expect(scanSql("SELECT 1; SELECT 2").hasMoreStatements).toBe(true);
    expect(scanSql("CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; DELETE FROM u; END;").hasMoreStatements).toBe(false);
  });

  it("binds named arguments by position, with or without their prefix", () => {
    const scan = scanSql("SELECT :a, @b, $c, ?");
    expect(
      bindArguments(
        scan,
        [1, 2, 3, 4],
        [
          { name: "a", value: 9 },
          { name: "@b", value: 8 },
        ],
      ),
    ).toEqual([9, 8, 3, 4]);
    expect(() => bindArguments(scan, [1, 2, 3], [])).toThrow(/Missing argument for parameter \?4/);
  });
});

describe("the HTTP protocol", () => {
  it("answers version probes, health and unsupported protobuf", async () => {
    expect((await fetch(`${server.url}/v2`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3`)).status).toBe(200);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3-protobuf`)).status).toBe(404);
    expect((await fetch(`${server.url}/v3-protobuf/pipeline`, { method: "POST", body: "" })).status).toBe(404);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/v2/pipeline`)).status).toBe(405);
  });

  it("rotates batons, keeps a transaction on its stream and evaluates conditions", async () => {
    const table = `t${++tableSeq}`;
    let res = await pipeline(
      server.url,
      { baton: null, requests: [execute(`CREATE TABLE ${table} (x)`), execute("BEGIN"), execute(`INSERT INTO ${table} VALUES (1)`)] },
      {},
      "v3",
    );
    let body = (await res.json()) as PipelineJson;
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(body.results.map((r) => r.type)).toEqual(["ok", "ok", "ok"]);
    expect(body.base_url).toBeNull();
    const first = body.baton;
    expect(first).toEqual(expect.any(String));

    res = await pipeline(
      server.url,
      {
        baton: first,
        requests: [
          { type: "get_autocommit" },
          {
            type: "batch",
            batch: {
              steps: [
                { stmt: { sql: "SELEC" } },
                { condition: { type: "error", step: 0 }, stmt: { sql: `INSERT INTO ${table} VALUES (2)` } },
                { condition: { type: "ok", step: 0 }, stmt: { sql: `INSERT INTO ${table} VALUES (3)` } },
                {
                  condition: {
                    type: "and",
                    conds: [
                      { type: "not", cond: { type: "is_autocommit" } },
                      { type: "or", conds: [{ type: "ok", step: 1 }] },
                    ],
                  },
                  stmt: { sql: "COMMIT" },
                },
                { condition: { type: "is_autocommit" }, stmt: { sql: `SELECT count(*) FROM ${table}` } },
              ],
            },
          },
          { type: "get_autocommit" },
        ],
      },
      {},
      "v3",
    );
    body = (await res.json()) as PipelineJson;
    expect(body.baton).not.toBe(first);
    expect(body.results[0].response?.is_autocommit).toBe(false);
    const batch = body.results[1].response?.result as {
      step_results: ({ rows: unknown[][] } | null)[];
      step_errors: ({ message: string } | null)[];
    };
    expect(batch.step_errors[0]?.message).toMatch(/syntax error/);
    expect(batch.step_results.map((r) => r !== null)).toEqual([false, true, false, true, true]);
    expect(batch.step_results[4]?.rows).toEqual([[{ type: "integer", value: "2" }]]);
    expect(body.results[2].response?.is_autocommit).toBe(true);

    // The old baton was good for one request only.
    const reused = await pipeline(server.url, { baton: first, requests: [execute("SELECT 1")] });
    expect(reused.status).toBe(400);

    res = await pipeline(server.url, {
      baton: body.baton,
      requests: [
        { type: "store_sql", sql_id: 1, sql: `SELECT x FROM ${table} ORDER BY x` },
        { type: "execute", stmt: { sql_id: 1 } },
        { type: "close" },
        execute("SELECT 1"),
      ],
    });
    body = (await res.json()) as PipelineJson;
    expect(body.baton).toBeNull();
    expect((body.results[1].response?.result as { rows: unknown[] }).rows).toEqual([
      [{ type: "integer", value: "1" }],
      [{ type: "integer", value: "2" }],
    ]);
    expect(body.results[2].type).toBe("ok");
    expect(body.results[3]).toMatchObject({ type: "error", error: { code: "STREAM_CLOSED" } });
  });

  it("describes statements", async () => {
    const res = await pipeline(server.url, {
      baton: null,
      requests: [
        { type: "describe", sql: "SELECT :id AS id, ? AS other" },
        { type: "describe", sql: "CREATE TABLE never_created (x)" },
        { type: "close" },
      ],
    });
    const body = (await res.json()) as PipelineJson;
    expect(body.results[0].response?.result).toEqual({
      params: [{ name: ":id" }, { name: null }],
      cols: [
        { name: "id", decltype: null },
        { name: "other", decltype: null },
      ],
      is_explain: false,
      is_readonly: true,
    });
    expect(body.results[1].response?.result).toMatchObject({ is_readonly: false });
  });

  it("serves a batch through /v3/cursor", async () => {
    const res = await fetch(`${server.url}/v3/cursor`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        baton: null,
        batch: { steps: [{ stmt: { sql: "SELECT 1 AS a UNION ALL SELECT 2" } }, { stmt: { sql: "SELEC" } }] },
      }),
    });
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type?: string; baton?: string });
    expect(lines[0].baton).toEqual(expect.any(String));
    expect(lines.slice(1).map((l) => l.type)).toEqual(["step_begin", "row", "row", "step_end", "step_error"]);
  });

  it("rejects unknown batons and malformed bodies with a clear 400", async () => {
    const res = await pipeline(server.url, { baton: "not-a-baton", requests: [execute("SELECT 1")] });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toMatchObject({ code: "STREAM_EXPIRED", message: expect.stringMatching(/Unknown or expired baton/) });

    const bad = await fetch(`${server.url}/v2/pipeline`, { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
    const wrongShape = await pipeline(server.url, {
      baton: null,
      requests: [{ type: "execute", stmt: { sql: "SELECT ?", args: [{ type: "weird" }] } }],
    });
    expect(wrongShape.status).toBe(400);
    expect(((await wrongShape.json()) as { message: string }).message).toMatch(/requests\[0\]\.stmt\.args\[0\]\.type/);
  });
});

describe("stream lifetime and locks", () => {
  let short: LocalDbServer;
  let impatient: LocalDbServer;
  beforeAll(async () => {
    short = await startLocalDbServer({ file: join(dir, "short.db"), port: 0, streamIdleTimeoutMs: 300 });
    impatient = await startLocalDbServer({ file: join(dir, "impatient.db"), port: 0, busyTimeoutMs: 100 });
  });
  afterAll(async () => {
    await short.close();
    await impatient.close();
  });

  it("expires an idle stream, rolls its transaction back and reports the expired baton", async () => {
    const db = track(createNodeClient({ url: short.url }));
    await db.execute("CREATE TABLE expiring (x)");
    const tx = await db.transaction("write");
    await tx.execute("INSERT INTO expiring VALUES (1)");
    await sleep(600);
    const error = await tx.execute("INSERT INTO expiring VALUES (2)").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).message).toMatch(/Unknown or expired baton/);
    expect((error as LibsqlError).code).toBe("STREAM_EXPIRED");
    tx.close();
    // Rolled back, and the write lock is free again.
    await db.execute("INSERT INTO expiring VALUES (3)");
    expect((await db.execute("SELECT x FROM expiring")).rows.map((r) => r.x)).toEqual([3]);
  });

  it("fails a write with SQLITE_BUSY after the busy timeout, and the stream then sees fresh data", async () => {
    const db = track(createNodeClient({ url: impatient.url }));
    await db.execute("CREATE TABLE locked (x)");
    const tx = await db.transaction("write");
    await tx.execute("INSERT INTO locked VALUES (1)");

    const res = await pipeline(impatient.url, { baton: null, requests: [execute("INSERT INTO locked VALUES (2)")] });
    const body = (await res.json()) as PipelineJson;
    expect(body.results[0]).toMatchObject({ type: "error", error: { code: "SQLITE_BUSY" } });

    await tx.commit();
    // A statement left behind by SQLITE_BUSY would pin the stream to the snapshot of its next read.
    const readX = async (baton: string | null, close = false) => {
      const res = await pipeline(impatient.url, {
        baton,
        requests: [execute("SELECT x FROM locked ORDER BY x"), ...(close ? [{ type: "close" }] : [])],
      });
      const body = (await res.json()) as PipelineJson;
      const rows = (body.results[0].response?.result as { rows: { value: string }[][] }).rows;
      return { baton: body.baton, xs: rows.map((r) => Number(r[0].value)) };
    };
    const afterCommit = await readX(body.baton);
    expect(afterCommit.xs).toEqual([1]);
    await db.execute("INSERT INTO locked VALUES (3)");
    expect((await readX(afterCommit.baton, true)).xs).toEqual([1, 3]);
  });
  it("closes cleanly while requests wait for a lock", async () => {
    const closing = await startLocalDbServer({ file: join(dir, "closing.db"), port: 0 });
    const tx = await pipeline(closing.url, {
      baton: null,
      requests: [execute("CREATE TABLE waiting (x)"), execute("BEGIN IMMEDIATE"), execute("INSERT INTO waiting VALUES (1)")],
    });
    expect(((await tx.json()) as PipelineJson).results.map((r) => r.type)).toEqual(["ok", "ok", "ok"]);
    const outcome = (res: Promise<Response>) =>
      res.then(
        (r) => `HTTP ${r.status}`,
        () => "connection closed",
      );
    const statement = outcome(pipeline(closing.url, { baton: null, requests: [execute("INSERT INTO waiting VALUES (2)")] }));
    const script = outcome(
      pipeline(closing.url, { baton: null, requests: [{ type: "sequence", sql: "INSERT INTO waiting VALUES (3);" }] }),
    );
    await sleep(100);
    await closing.close();
    expect(await statement).toBe("connection closed");
    expect(await script).toBe("connection closed");
    await sleep(50);
    // The open transaction was rolled back, nothing was written after the close, and this process
    // (which runs the server) is still alive.
    const reopened = await startLocalDbServer({ file: join(dir, "closing.db"), port: 0 });
    try {
      const check = track(createNodeClient({ url: reopened.url }));
      expect((await check.execute("SELECT count(*) AS n FROM waiting")).rows[0].n).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});

describe("auth", () => {
  it("requires the bearer token when one is configured", async () => {
    const secured = await startLocalDbServer({ file: join(dir, "auth.db"), port: 0, authToken: "s3cret" });
    try {
      const anonymous = track(createNodeClient({ url: secured.url }));
      const error = await anonymous.execute("SELECT 1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LibsqlError);
      expect((error as LibsqlError).message).toMatch(/Unauthorized/);
      await expect(track(createWebClient({ url: secured.url, authToken: "wrong" })).execute("SELECT 1")).rejects.toThrow(/Unauthorized/);
      expect((await pipeline(secured.url, { baton: null, requests: [] })).status).toBe(401);

      const authorized = track(createWebClient({ url: secured.url, authToken: "s3cret" }));
      expect((await authorized.execute("SELECT 7 AS n")).rows[0].n).toBe(7);
      const tx = await authorized.transaction("write");
      await tx.execute("CREATE TABLE guarded (x)");
      await tx.commit();
      expect((await authorized.execute("SELECT count(*) AS n FROM guarded")).rows[0].n).toBe(0);
    } finally {
      await secured.close();
    }
  });
});

describe("round trips", () => {
  it("counts each request a client waits for, in total and per tag, and serves the counts at /stats", async () => {
    const counted = await startLocalDbServer({ file: join(dir, "counted.db"), port: 0 });
    try {
      const plain = track(createWebClient({ url: counted.url }));
      const tagged = track(createWebClient({ url: taggedDatabaseUrl(counted.url, "page-a") }));
      await plain.execute("SELECT 1");
      // A batch is one request however many statements it holds.
      await tagged.batch(["SELECT 1", "SELECT 2", "SELECT 3"], "read");
      await tagged.execute("SELECT 4");
      const stats = counted.stats();
      expect(stats.requests).toBe(3);
      expect(stats.tags["page-a"].requests).toBe(2);
      // The batch runs inside a transaction: its three statements, begin, commit and a rollback step.
      expect(stats.tags["page-a"].statements).toBe(1 + 6);
      const served = (await (await fetch(`${counted.url}/stats`)).json()) as typeof stats;
      expect(served).toEqual(stats);
      // Reading the counts is not itself a round trip.
      expect(counted.stats().requests).toBe(3);
      expect(() => taggedDatabaseUrl(counted.url, "no/slash")).toThrow(/tag/);
    } finally {
      await counted.close();
    }
  });

  it("waits the configured latency before answering each request", async () => {
    const far = await startLocalDbServer({ file: join(dir, "far.db"), port: 0, latencyMs: 60 });
    try {
      const client = track(createWebClient({ url: far.url }));
      await client.execute("SELECT 1");
      let started = performance.now();
      await client.execute("SELECT 1");
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
      const set = await fetch(`${far.url}/latency`, { method: "POST", body: JSON.stringify({ ms: 0 }) });
      expect(set.status).toBe(200);
      expect(far.stats().latencyMs).toBe(0);
      expect((await fetch(`${far.url}/latency`, { method: "POST", body: JSON.stringify({ ms: -1 }) })).status).toBe(400);
      started = performance.now();
      await client.batch(["SELECT 1", "SELECT 2"], "read");
      expect(performance.now() - started).toBeLessThan(55);
    } finally {
      await far.close();
    }
  });
});

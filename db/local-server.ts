/**
 * The embedded database server: a libSQL file served over Hrana over HTTP (JSON, versions 2 and 3),
 * as `turso dev` would, so `@libsql/client` talks to it exactly as it talks to Turso.
 */
import { timingSafeEqual } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { runCursor, runPipeline } from "./hrana/pipeline";
import { parseCursorBody, parsePipelineBody, ProtocolError } from "./hrana/protocol";
import { StreamNotFoundError, StreamRegistry } from "./hrana/streams";
import { encodeJson } from "./hrana/values";

export interface LocalDbServerOptions {
  /** The database file; its folder is created when missing. */
  file: string;
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Print one line per request. */
  log?: boolean;
  /** When set, pipeline requests need `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** Idle time after which a stream (and its open transaction) is dropped. Default 10 s. */
  streamIdleTimeoutMs?: number;
  /** How long a write waits for another stream's transaction before SQLITE_BUSY. Default 5 s. */
  busyTimeoutMs?: number;
  /**
   * A fixed delay before each Hrana request is answered, standing in for the network between a Worker and
   * Turso (LOCAL_DB_LATENCY_MS). Default 0.
   */
  latencyMs?: number;
}

/** Hrana requests served (each one HTTP round trip from a client), in total and per tag. */
export interface RoundTripStats {
  /** Pipeline and cursor requests: what a client waits for. Version probes and /stats are not counted. */
  requests: number;
  /** SQL statements executed within them (batch steps and single executes). */
  statements: number;
  latencyMs: number;
  /** Requests received and not yet answered. */
  inFlight: number;
  /** Counts of requests sent to `/tag/<name>/…`: a client given such a URL is counted on its own. */
  tags: Record<string, { requests: number; statements: number }>;
}

export interface LocalDbServer {
  url: string;
  port: number;
  /** Round trips served so far (also at `GET /stats`). */
  stats(): RoundTripStats;
  /** Changes the added delay per request from now on. */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

/** A database URL whose requests the server also counts under `tag` (see RoundTripStats.tags). */
export function taggedDatabaseUrl(url: string, tag: string): string {
  if (!/^[\w-]{1,64}$/.test(tag)) throw new Error(`A round-trip tag is 1-64 letters, digits, _ or -; got ${JSON.stringify(tag)}`);
  return `${url.replace(/\/+$/, "")}/tag/${tag}/`;
}

/** Statements in a pipeline or cursor body: one per execute, one per batch step. */
function statementCount(body: { requests?: Array<{ type: string; batch?: { steps: unknown[] } }>; batch?: { steps: unknown[] } }): number {
  if (body.batch) return body.batch.steps.length;
  let n = 0;
  for (const request of body.requests ?? []) {
    if (request.type === "execute") n += 1;
    else if (request.type === "batch") n += request.batch?.steps.length ?? 0;
  }
  return n;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Error bodies follow Hrana's `Error` shape; the client reads them when the content type is exactly this. */
function sendError(res: ServerResponse, error: HttpError): void {
  send(res, error.status, "application/json", JSON.stringify({ message: error.message, code: error.code }));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`, "BODY_TOO_LARGE");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new HttpError(400, `Request body is not valid JSON: ${error instanceof Error ? error.message : error}`, "HRANA_PROTO_ERROR");
  }
}

function isAuthorized(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startLocalDbServer(opts: LocalDbServerOptions): Promise<LocalDbServer> {
  const file = resolve(opts.file);
  mkdirSync(dirname(file), { recursive: true });
  const host = opts.host ?? "127.0.0.1";
  const registry = new StreamRegistry({
    file,
    idleTimeoutMs: opts.streamIdleTimeoutMs ?? 10_000,
    busyTimeoutMs: opts.busyTimeoutMs ?? 5_000,
  });

  let latencyMs = Math.max(0, opts.latencyMs ?? 0);
  const totals = { requests: 0, statements: 0 };
  let inFlight = 0;
  const tags = new Map<string, { requests: number; statements: number }>();
  const stats = (): RoundTripStats => ({
    ...totals,
    latencyMs,
    inFlight,
    tags: Object.fromEntries([...tags].map(([k, v]) => [k, { ...v }])),
  });
  /** Counts one round trip (in flight until answered), then waits out the configured latency before the work is done. */
  async function roundTrip(res: ServerResponse, tag: string | null, statements: number): Promise<void> {
    inFlight += 1;
    res.once("close", () => (inFlight -= 1));
    totals.requests += 1;
    totals.statements += statements;
    if (tag !== null) {
      const counts = tags.get(tag) ?? tags.set(tag, { requests: 0, statements: 0 }).get(tag)!;
      counts.requests += 1;
      counts.statements += statements;
    }
    if (latencyMs > 0) await new Promise((done) => setTimeout(done, latencyMs));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fullPath = new URL(req.url ?? "/", "http://local").pathname.replace(/\/+$/, "") || "/";
    // `/tag/<name>/v2/pipeline` is `/v2/pipeline`, counted under <name> as well.
    const tagged = /^\/tag\/([\w-]{1,64})(\/.*)?$/.exec(fullPath);
    const tag = tagged ? tagged[1] : null;
    const path = tagged ? tagged[2] || "/" : fullPath;
    const method = req.method ?? "GET";
    const post = (handler: () => Promise<void>) => {
      if (method !== "POST") throw new HttpError(405, `${path} takes POST`, "METHOD_NOT_ALLOWED");
      if (opts.authToken !== undefined && !isAuthorized(req, opts.authToken)) {
        throw new HttpError(401, "Unauthorized: send the server's token as `Authorization: Bearer <token>`", "UNAUTHORIZED");
      }
      return handler();
    };
    const get = (body: string) => {
      if (method !== "GET" && method !== "HEAD") throw new HttpError(405, `${path} takes GET`, "METHOD_NOT_ALLOWED");
      send(res, 200, "text/plain", body);
    };

    if (path === "/" || path === "/health") return get("ok\n");
    if (path === "/version") return get("megilance-local-db (libsql over Hrana HTTP v2/v3, JSON)\n");
    if (path === "/stats") {
      if (method !== "GET") throw new HttpError(405, `${path} takes GET`, "METHOD_NOT_ALLOWED");
      return send(res, 200, "application/json", JSON.stringify(stats()));
    }
    // The added latency can change while the server runs (a bench measures with and without it).
    if (path === "/latency") {
      return post(async () => {
        const body = (await readJson(req)) as { ms?: unknown };
        if (typeof body?.ms !== "number" || !Number.isFinite(body.ms) || body.ms < 0 || body.ms > 60_000) {
          throw new HttpError(400, 'Send {"ms": <0 to 60000>}', "BAD_REQUEST");
        }
        latencyMs = body.ms;
        send(res, 200, "application/json", JSON.stringify(stats()));
      });
    }
    // Version probes: clients send them without credentials.
    if (path === "/v2" || path === "/v3") return get("");
    if (path === "/v2/pipeline" || path === "/v3/pipeline") {
      return post(async () => {
        const body = parsePipelineBody(await readJson(req));
        await roundTrip(res, tag, statementCount(body));
        send(res, 200, "application/json", encodeJson(await runPipeline(registry, body)));
      });
    }
    if (path === "/v3/cursor") {
      return post(async () => {
        const body = parseCursorBody(await readJson(req));
        await roundTrip(res, tag, statementCount(body));
        const { baton, entries } = await runCursor(registry, body);
        const lines = [encodeJson({ baton, base_url: null }), ...entries.map(encodeJson)];
        send(res, 200, "text/plain", lines.join("\n") + "\n");
      });
    }
    if (path === "/v3-protobuf" || path.startsWith("/v3-protobuf/")) {
      throw new HttpError(404, "Protobuf encoding is not supported by this server; use Hrana over HTTP with JSON", "NOT_FOUND");
    }
    throw new HttpError(404, `No such endpoint: ${path}`, "NOT_FOUND");
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    if (opts.log) {
      res.on("finish", () =>
        console.log(`[local-db] ${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`),
      );
    }
    route(req, res).catch((error: unknown) => {
      const httpError =
        error instanceof HttpError
          ? error
          : error instanceof ProtocolError
            ? new HttpError(400, `Invalid Hrana request: ${error.message}`, "HRANA_PROTO_ERROR")
            : error instanceof StreamNotFoundError
              ? new HttpError(400, error.message, "STREAM_EXPIRED")
              : new HttpError(500, `Internal error: ${error instanceof Error ? error.message : String(error)}`, "INTERNAL_ERROR");
      if (httpError.status === 500) console.error("[local-db]", error);
      if (res.headersSent) res.destroy();
      else sendError(res, httpError);
    });
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  // Node drops idle keep-alive sockets after 5 s; the Worker reusing one at that moment sees "Network connection lost".
  server.keepAliveTimeout = 120_000;

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 8080, host, () => {
        server.off("error", reject);
        resolveListen();
      });
    });
  } catch (error) {
    registry.closeAll();
    throw error;
  }

  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    stats,
    setLatency(ms: number) {
      latencyMs = Math.max(0, ms);
    },
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        registry.closeAll();
      });
      return closing;
    },
  };
}

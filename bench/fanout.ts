/**
 * Message fan-out latency: a message sent through the API (stored, then broadcast by its room) until it
 * arrives on every other socket in the room. Scenarios: 200 sockets in one conversation room, and 1,000
 * sockets spread over 50 rooms. Baseline: a ping/pong round-trip on the presence room in the same run.
 *
 *   npx tsx --experimental-websocket bench/fanout.ts      (Node 20 needs the flag for a global WebSocket)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "../db/client";
import { users, type Role } from "../db/schema";
import { issueTokenPair } from "../worker/domain/auth/api-tokens";
import { createSession } from "../worker/domain/auth/sessions";
import { createDomainContext, type DomainContext } from "../worker/domain/context";
import { freePort } from "../scripts/free-port";
import { startStack } from "../scripts/stack";

const ONE_ROOM_SOCKETS = Number(process.env.FANOUT_ONE_ROOM_SOCKETS ?? 200);
const TOTAL_SOCKETS = Number(process.env.FANOUT_TOTAL_SOCKETS ?? 1000);
const ROOMS = Number(process.env.FANOUT_ROOMS ?? 50);
/** Kept under the 30-per-minute-per-user send limit: senders alternate between the pair. */
const ONE_ROOM_MESSAGES = Number(process.env.FANOUT_MESSAGES ?? 40);
const ROUNDS = Number(process.env.FANOUT_ROUNDS ?? 4);
const PINGS = Number(process.env.FANOUT_PINGS ?? 200);
const CONNECT_BATCH = 50;
const DELIVERY_TIMEOUT_MS = 15_000;
const SECRET = `bench-secret-${crypto.randomUUID()}`;

interface Summary {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { samples: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1] ?? NaN) };
}

interface Person {
  id: string;
  token: string;
}

async function createPerson(ctx: DomainContext, role: Role): Promise<Person> {
  const id = ctx.newId();
  const now = ctx.clock.now();
  await ctx.db.insert(users).values({
    id,
    email: `bench-${id.toLowerCase()}@example.test`,
    name: `Bench ${role} ${id.slice(-4)}`,
    roles: [role],
    emailVerifiedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  const { session } = await createSession(ctx, { userId: id, kind: "api", mfaVerified: true, meta: {} });
  return { id, token: (await issueTokenPair(ctx, session)).accessToken };
}

async function api<T>(baseUrl: string, path: string, person: Person, body?: unknown): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${person.token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Arrival times of each message id on every socket of a room, recorded as frames come in. */
class Arrivals {
  private byId = new Map<string, number[]>();
  private waiters = new Map<string, () => void>();
  constructor(private readonly expected: number) {}
  record(id: string, at: number) {
    const list = this.byId.get(id) ?? [];
    list.push(at);
    this.byId.set(id, list);
    if (list.length >= this.expected) this.waiters.get(id)?.();
  }
  async all(id: string): Promise<number[]> {
    if ((this.byId.get(id)?.length ?? 0) < this.expected) {
      await new Promise<void>((resolveWait, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`message ${id} reached ${this.byId.get(id)?.length ?? 0}/${this.expected} sockets`)),
          DELIVERY_TIMEOUT_MS,
        );
        this.waiters.set(id, () => {
          clearTimeout(timer);
          resolveWait();
        });
      });
    }
    this.waiters.delete(id);
    return this.byId.get(id) ?? [];
  }
}

function openSocket(url: string, onMessage: (data: string) => void): Promise<WebSocket> {
  return new Promise((resolveOpen, reject) => {
    const socket = new WebSocket(url);
    socket.addEventListener("open", () => resolveOpen(socket));
    socket.addEventListener("error", () => reject(new Error(`could not open ${url.split("?")[0]}`)));
    socket.addEventListener("message", (event) => onMessage(String(event.data)));
  });
}

interface Room {
  conversationId: string;
  client: Person;
  freelancer: Person;
  sockets: WebSocket[];
  arrivals: Arrivals;
}

async function openRoom(baseUrl: string, ctx: DomainContext, socketCount: number): Promise<Room> {
  const client = await createPerson(ctx, "client");
  const freelancer = await createPerson(ctx, "freelancer");
  const { conversation } = await api<{ conversation: { id: string } }>(baseUrl, "/api/conversations", client, {
    participantId: freelancer.id,
  });
  const room = `conversation:${conversation.id}`;
  // A ticket admits for a minute, so each member's ticket opens all of that member's sockets.
  const urls = await Promise.all(
    [client, freelancer].map(async (p) => (await api<{ url: string }>(baseUrl, "/api/rooms/ticket", p, { room })).url),
  );
  const arrivals = new Arrivals(socketCount);
  const sockets: WebSocket[] = [];
  for (let start = 0; start < socketCount; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, socketCount - start) }, (_, i) =>
      openSocket(urls[(start + i) % 2], (data) => {
        const at = performance.now();
        const frame = JSON.parse(data) as { type: string; message?: { id: string } };
        if (frame.type === "message" && frame.message) arrivals.record(frame.message.id, at);
      }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return { conversationId: conversation.id, client, freelancer, sockets, arrivals };
}

/** Sends one message and returns each socket's latency from the start of the send, plus the send's own time. */
async function sendAndTime(baseUrl: string, room: Room, sender: Person, text: string) {
  const started = performance.now();
  const { message } = await api<{ message: { id: string } }>(baseUrl, `/api/conversations/${room.conversationId}/messages`, sender, {
    body: text,
  });
  const sent = performance.now() - started;
  const arrivals = await room.arrivals.all(message.id);
  return { latencies: arrivals.map((at) => at - started), sendMs: sent };
}

async function pingBaseline(baseUrl: string, person: Person): Promise<number[]> {
  const { url } = await api<{ url: string }>(baseUrl, "/api/rooms/ticket", person, { room: "presence" });
  let pong: (() => void) | null = null;
  const socket = await openSocket(url, (data) => {
    if (data === "pong") pong?.();
  });
  const times: number[] = [];
  for (let i = 0; i < PINGS; i++) {
    const started = performance.now();
    await new Promise<void>((r) => {
      pong = r;
      socket.send("ping");
    });
    times.push(performance.now() - started);
  }
  socket.close();
  return times;
}

async function main() {
  if (typeof WebSocket === "undefined")
    throw new Error("No global WebSocket: run with `npx tsx --experimental-websocket bench/fanout.ts` on Node 20.");
  const dataDir = mkdtempSync(join(tmpdir(), "megilance-fanout-"));
  const stack = await startStack({
    dataDir,
    port: await freePort(),
    dbPort: await freePort(),
    seed: false,
    build: !existsSync(resolve(import.meta.dirname, "../build/server/index.js")),
    cron: false,
    quiet: true,
    vars: { SESSION_SECRET: SECRET },
  });
  const rooms: Room[] = [];
  try {
    const ctx = createDomainContext({
      db: createDb({ DATABASE_URL: stack.databaseUrl }),
      config: { appOrigin: stack.url, secret: SECRET },
      rateLimiter: {
        hit: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
        peek: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
        reset: async () => {},
      },
      sendEmail: async () => {},
    });
    console.log(`stack at ${stack.url}; measuring the presence ping baseline (${PINGS} round-trips)…`);
    const baseline = summarize(await pingBaseline(stack.url, await createPerson(ctx, "client")));

    console.log(`one room: ${ONE_ROOM_SOCKETS} sockets, ${ONE_ROOM_MESSAGES} messages…`);
    const big = await openRoom(stack.url, ctx, ONE_ROOM_SOCKETS);
    rooms.push(big);
    const oneRoom = { latencies: [] as number[], last: [] as number[], send: [] as number[] };
    for (let i = 0; i < ONE_ROOM_MESSAGES; i++) {
      const { latencies, sendMs } = await sendAndTime(stack.url, big, i % 2 ? big.freelancer : big.client, `fan-out ${i}`);
      oneRoom.latencies.push(...latencies);
      oneRoom.last.push(Math.max(...latencies));
      oneRoom.send.push(sendMs);
    }

    const perRoom = Math.floor(TOTAL_SOCKETS / ROOMS);
    console.log(`${ROOMS} rooms × ${perRoom} sockets, ${ROUNDS} rounds of one message per room, sent at once…`);
    const spread: Room[] = [];
    for (let i = 0; i < ROOMS; i++) spread.push(await openRoom(stack.url, ctx, perRoom));
    rooms.push(...spread);
    const manyRooms = { latencies: [] as number[], last: [] as number[], send: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(
        spread.map((room, i) => sendAndTime(stack.url, room, (round + i) % 2 ? room.freelancer : room.client, `round ${round}`)),
      );
      for (const { latencies, sendMs } of results) {
        manyRooms.latencies.push(...latencies);
        manyRooms.last.push(Math.max(...latencies));
        manyRooms.send.push(sendMs);
      }
    }

    const figure = (name: string, sockets: number, roomCount: number, data: typeof oneRoom) => {
      const all = summarize(data.latencies);
      const last = summarize(data.last);
      return {
        name,
        sockets,
        rooms: roomCount,
        messages: data.send.length,
        delivery: all,
        lastSocket: last,
        send: summarize(data.send),
        p50OverBaseline: +(all.p50Ms / baseline.p50Ms).toFixed(2),
        p99OverBaseline: +(all.p99Ms / baseline.p99Ms).toFixed(2),
      };
    };
    const figures = [
      figure(`${ONE_ROOM_SOCKETS} sockets in one conversation room`, ONE_ROOM_SOCKETS, 1, oneRoom),
      figure(`${perRoom * ROOMS} sockets across ${ROOMS} rooms`, perRoom * ROOMS, ROOMS, manyRooms),
    ];
    console.table([
      { scenario: "baseline: presence ping/pong", "p50 ms": baseline.p50Ms, "p99 ms": baseline.p99Ms, "p50 ÷ base": 1, "p99 ÷ base": 1 },
      ...figures.map((f) => ({
        scenario: f.name,
        "p50 ms": f.delivery.p50Ms,
        "p99 ms": f.delivery.p99Ms,
        "p50 ÷ base": f.p50OverBaseline,
        "p99 ÷ base": f.p99OverBaseline,
        "last socket p99 ms": f.lastSocket.p99Ms,
        "send p50 ms": f.send.p50Ms,
      })),
    ]);
    const outDir = resolve(import.meta.dirname, "results");
    mkdirSync(outDir, { recursive: true });
    const file = resolve(outDir, `fanout-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const report = {
      at: new Date().toISOString(),
      what: "send (POST /api/conversations/:id/messages) -> arrival of the message frame on each socket of the room",
      baseline: { name: "presence room ping/pong round-trip", ...baseline },
      figures,
    };
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`written to ${file}`);
  } finally {
    for (const room of rooms) for (const socket of room.sockets) socket.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

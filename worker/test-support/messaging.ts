/**
 * Fixtures for messaging and room tests: a client/freelancer pair with a conversation, projects and
 * proposals inserted as rows, room tickets from the API and WebSocket upgrades through the whole Worker.
 */
import { env, SELF } from "cloudflare:test";
import { expect } from "vitest";
import { projects, proposals, type User } from "../../db/schema";
import { loadTaxonomy, TAXONOMY } from "../../db/seed/taxonomy-load";
import { domainContextFromEnv } from "../platform/domain-context";
import { call } from "./api";
import { createTestUser, type TestUser } from "./users";

export { createTestUser, type TestUser };

let taxonomyLoaded: Promise<void> | undefined;

/** A project row owned by `client`, in a category of the real taxonomy (loaded once, idempotently). */
export async function createProject(client: User): Promise<string> {
  const ctx = domainContextFromEnv(env);
  await (taxonomyLoaded ??= loadTaxonomy(ctx.db).then(() => undefined));
  const id = ctx.newId();
  await ctx.db.insert(projects).values({
    id,
    clientId: client.id,
    title: "A project to talk about",
    description: "Fixture project for messaging tests.",
    categorySlug: TAXONOMY.categories[0].slug,
    budgetType: "fixed",
    budgetMin: 10_000,
    budgetMax: 20_000,
    currency: "USD",
    attachments: [],
  });
  return id;
}

export async function createProposal(projectId: string, freelancer: User): Promise<string> {
  const ctx = domainContextFromEnv(env);
  const id = ctx.newId();
  await ctx.db.insert(proposals).values({
    id,
    projectId,
    freelancerId: freelancer.id,
    coverLetter: "I can do this.",
    bidAmount: 15_000,
    currency: "USD",
    estimatedDays: 10,
    attachments: [],
  });
  return id;
}

export interface Pair {
  client: TestUser;
  freelancer: TestUser;
  conversationId: string;
}

/** A client who opened a direct conversation with a freelancer. */
export async function conversationPair(): Promise<Pair> {
  const client = await createTestUser(env, { roles: ["client"] });
  const freelancer = await createTestUser(env, { roles: ["freelancer"] });
  const res = await call("/api/conversations", { token: client.accessToken, body: { participantId: freelancer.user.id } });
  expect(res.status).toBe(201);
  return { client, freelancer, conversationId: res.body.conversation.id };
}

export async function send(user: TestUser, conversationId: string, body: string) {
  const res = await call(`/api/conversations/${conversationId}/messages`, { token: user.accessToken, body: { body } });
  expect(res.status).toBe(201);
  return res.body.message as { id: string; body: string; senderId: string; createdAt: string };
}

export async function ticketFor(user: TestUser, room: string): Promise<{ ticket: string; url: string }> {
  const res = await call("/api/rooms/ticket", { token: user.accessToken, body: { room } });
  expect(res.status).toBe(200);
  return res.body;
}

/** The room's answer to an upgrade at `url` (ws:// or http://), without asserting it succeeded. */
export function upgrade(url: string): Promise<Response> {
  return SELF.fetch(url.replace(/^ws/, "http"), { headers: { Upgrade: "websocket" } });
}

export interface TestSocket {
  socket: WebSocket;
  /** The next message (JSON, or the raw text when not JSON) matching `predicate`, removed from the queue. */
  next<T = any>(predicate?: (message: any) => boolean): Promise<T>;
  /** Everything received and not yet taken by next(). */
  pending(): unknown[];
  closed: Promise<{ code: number; reason: string }>;
}

export async function openSocket(url: string): Promise<TestSocket> {
  const res = await upgrade(url);
  expect(res.status).toBe(101);
  const socket = res.webSocket!;
  const messages: unknown[] = [];
  const waiters: Array<() => void> = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
  );
  socket.addEventListener("message", (event) => {
    const text = event.data as string;
    try {
      messages.push(JSON.parse(text));
    } catch {
      messages.push(text);
    }
    waiters.splice(0).forEach((wake) => wake());
  });
  socket.accept();
  return {
    socket,
    closed,
    pending: () => [...messages],
    async next(predicate = () => true) {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const found = messages.findIndex(predicate);
        if (found >= 0) return messages.splice(found, 1)[0] as any;
        if (Date.now() > deadline) throw new Error(`No matching message; received ${JSON.stringify(messages)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
  };
}

/** Opens the room named `room` as `user`, with a fresh ticket. */
export async function joinRoom(user: TestUser, room: string): Promise<TestSocket> {
  return openSocket((await ticketFor(user, room)).url);
}

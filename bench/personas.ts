/**
 * Signed-in visitors for the read scenarios: the busiest client and the busiest freelancer of the bench market,
 * each with a web session (cookie, for pages) and an API token, and an inbox of conversations with a message each.
 * Made directly through the domain over the stack's database, as a real sign-in and real messages would leave them.
 */
import { createDb } from "../db/client";
import { issueTokenPair } from "../worker/domain/auth/api-tokens";
import { createSession, type Viewer } from "../worker/domain/auth/sessions";
import { signPayload } from "../worker/domain/auth/signed";
import { createDomainContext, type DomainContext } from "../worker/domain/context";
import { startConversation } from "../worker/domain/messaging/conversations";
import { sendMessage } from "../worker/domain/messaging/messages";
import { sessionCookieName } from "../worker/session-cookie";

export interface Persona {
  userId: string;
  /** `Cookie` header for pages. */
  cookie: string;
  /** `Authorization` header for the API. */
  authorization: string;
}

export interface Personas {
  client: Persona;
  freelancer: Persona;
  /** Ids and handles the scenarios open: a busy open project, a freelancer's public handle. */
  projectId: string;
  handle: string;
}

const INBOX_SIZE = 25;

function benchContext(databaseUrl: string, appOrigin: string, secret: string): DomainContext {
  const allow = async () => ({ limited: false, count: 0, retryAfterSeconds: 0 });
  return createDomainContext({
    db: createDb({ DATABASE_URL: databaseUrl }),
    config: { appOrigin, secret },
    rateLimiter: { hit: allow, peek: allow, reset: async () => {} },
    sendEmail: async () => {},
    log: () => {},
  });
}

/** Access tokens last 15 minutes; a bench run is longer, so its tokens are signed (the same way) to last the run. */
const BENCH_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

async function signIn(ctx: DomainContext, userId: string): Promise<Persona & { viewer: Viewer }> {
  const web = await createSession(ctx, { userId, kind: "web", mfaVerified: true, meta: {} });
  const api = await createSession(ctx, { userId, kind: "api", mfaVerified: true, meta: {} });
  await issueTokenPair(ctx, api.session);
  const accessToken = await signPayload(ctx.config.secret, {
    sid: api.session.id,
    sub: userId,
    exp: Date.now() + BENCH_TOKEN_TTL_MS,
    typ: "access",
  });
  const user = await ctx.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
  return {
    userId,
    cookie: `${sessionCookieName(false)}=${encodeURIComponent(web.token)}`,
    authorization: `Bearer ${accessToken}`,
    viewer: { user: user!, session: web.session },
  };
}

export async function preparePersonas(options: { databaseUrl: string; appOrigin: string; secret: string }): Promise<Personas> {
  const ctx = benchContext(options.databaseUrl, options.appOrigin, options.secret);
  const one = async <T>(query: string) => (await ctx.db.$client.execute(query)).rows[0] as T;
  // The client with the most projects, the freelancer with the most proposals: the heaviest dashboards.
  const { client_id: clientId } = await one<{ client_id: string }>(
    "SELECT client_id FROM projects GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1",
  );
  const { freelancer_id: freelancerId } = await one<{ freelancer_id: string }>(
    "SELECT freelancer_id FROM proposals GROUP BY freelancer_id ORDER BY count(*) DESC, freelancer_id LIMIT 1",
  );
  // The open public project with the most proposals: the heaviest project page.
  const { id: projectId } = await one<{ id: string }>(`
    SELECT p.id FROM (SELECT project_id, count(*) AS n FROM proposals GROUP BY project_id ORDER BY n DESC LIMIT 500) busiest
    JOIN projects p ON p.id = busiest.project_id
    WHERE p.status = 'open' AND p.visibility = 'public' AND p.hidden_at IS NULL
    ORDER BY busiest.n DESC, p.id LIMIT 1`);
  const { handle } = await one<{ handle: string }>(`SELECT handle FROM freelancer_profiles WHERE user_id = '${freelancerId}'`);

  const client = await signIn(ctx, clientId);
  const freelancer = await signIn(ctx, freelancerId);
  // Inboxes: the client writes to applicants of their projects; the freelancer to clients they proposed to.
  const applicants = await ctx.db.$client.execute({
    sql: `SELECT DISTINCT pr.freelancer_id AS id FROM proposals pr JOIN projects p ON p.id = pr.project_id
          WHERE p.client_id = ? AND pr.freelancer_id != ? LIMIT ${INBOX_SIZE}`,
    args: [clientId, freelancerId],
  });
  for (const row of applicants.rows) await converse(ctx, client.viewer, { participantId: String(row.id) });
  const proposedTo = await ctx.db.$client.execute({
    sql: `SELECT p.client_id AS clientId, min(p.id) AS projectId FROM proposals pr JOIN projects p ON p.id = pr.project_id
          WHERE pr.freelancer_id = ? GROUP BY p.client_id LIMIT ${INBOX_SIZE}`,
    args: [freelancerId],
  });
  for (const row of proposedTo.rows) {
    await converse(ctx, freelancer.viewer, { participantId: String(row.clientId), projectId: String(row.projectId) });
  }
  await converse(ctx, client.viewer, { participantId: freelancerId });
  const strip = ({ viewer: _viewer, ...persona }: Persona & { viewer: Viewer }): Persona => persona;
  return { client: strip(client), freelancer: strip(freelancer), projectId, handle };
}

async function converse(ctx: DomainContext, viewer: Viewer, input: { participantId: string; projectId?: string }) {
  const { conversation } = await startConversation(ctx, viewer, input);
  await sendMessage(ctx, viewer.user.id, conversation.id, { body: "Hello! Do you have a moment to talk about the work this week?" });
}

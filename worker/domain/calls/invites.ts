import { aliasedTable, and, asc, count, eq, gt, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import { callParticipants, conversationMembers, users } from "../../../db/schema";
import type { CallView } from "../../../party/call-messages";
import type { Viewer } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { notifyAll } from "../notifications/notify";
import { callOver, requireCallParticipant } from "./access";
import type { InviteesQuery, InviteToCallInput } from "./inputs";
import { participantRow } from "./lifecycle";
import { pushCallUpdate } from "./live";
import { INVITEES_PAGE_MAX, isLive, maxParticipants, participantState } from "./rules";
import { callViews } from "./views";

const mine = aliasedTable(conversationMembers, "mine");
const theirs = aliasedTable(conversationMembers, "theirs");

/** Only someone in the call (not merely rung) brings others into it. */
async function requireInCall(ctx: DomainContext, callId: string, userId: string) {
  const call = await requireCallParticipant(ctx, callId, userId);
  if (!isLive(call.status)) throw callOver();
  if (participantState(await participantRow(ctx, callId, userId)) !== "joined") {
    throw new AppError(403, "forbidden", "Only people in the call can add someone to it.");
  }
  return call;
}

/** People already rung or in the call (those who declined or left may be asked again). */
async function busyIds(ctx: DomainContext, callId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: callParticipants.userId })
    .from(callParticipants)
    .where(and(eq(callParticipants.callId, callId), isNull(callParticipants.declinedAt), isNull(callParticipants.leftAt)));
  return rows.map((r) => r.userId);
}

async function shareConversation(ctx: DomainContext, a: string, b: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(mine)
    .innerJoin(theirs, and(eq(theirs.conversationId, mine.conversationId), eq(theirs.userId, b)))
    .where(eq(mine.userId, a));
  return row.n > 0;
}

/**
 * Adds someone to a ringing or active call: they are rung like the call's own members (notification, banner)
 * and may accept or decline. The inviter must be in the call, and may add only people they already have a
 * conversation with (the marketplace's rule for who may talk to whom). Beyond two people the call's media
 * moves to Cloudflare Calls when it is configured.
 */
export async function inviteToCall(ctx: DomainContext, viewer: Viewer, callId: string, input: InviteToCallInput): Promise<CallView> {
  const me = viewer.user.id;
  const call = await requireInCall(ctx, callId, me);
  if (input.userId === me) {
    throw new AppError(422, "validation_failed", "You are already in this call.", { userId: ["Choose someone else."] });
  }
  const invitee = await ctx.db.query.users.findFirst({ where: eq(users.id, input.userId) });
  if (!invitee || invitee.blockedAt) throw new AppError(404, "not_found", "No such user.");
  const busy = await busyIds(ctx, callId);
  if (busy.includes(invitee.id)) throw new AppError(409, "already_in_call", `${invitee.name} is already in this call or being rung.`);
  if (!(await shareConversation(ctx, me, invitee.id))) {
    throw new AppError(403, "call_invite_not_allowed", "You can add people you already have a conversation with.");
  }
  if (busy.length >= maxParticipants(Boolean(ctx.config.calls))) {
    throw new AppError(409, "call_full", "This call has as many people as it can hold.");
  }
  const now = ctx.clock.now();
  const fresh = { invitedBy: me, invitedAt: now, answeredAt: null, declinedAt: null, leftAt: null };
  await ctx.db
    .insert(callParticipants)
    .values({ callId, userId: invitee.id, ...fresh, createdAt: now })
    .onConflictDoUpdate({ target: [callParticipants.callId, callParticipants.userId], set: fresh });
  const [view] = await callViews(ctx, [call]);
  await notifyAll(ctx, [invitee.id], "call_incoming", {
    title: `${viewer.user.name} is inviting you to a video call`,
    body: `${viewer.user.name} added you to a video call. Open it to join.`,
    link: `/calls/${callId}`,
  });
  await pushCallUpdate(ctx, view);
  return view;
}

export interface InviteeView {
  id: string;
  name: string;
}

/**
 * People the viewer could add to the call: their conversation partners who are not in it or being rung,
 * by name (`q` matches any part of it), in pages. Cursor: the last id seen (names sort with ids as a tiebreak).
 */
export async function listInvitees(
  ctx: DomainContext,
  userId: string,
  callId: string,
  query: InviteesQuery,
): Promise<{ items: InviteeView[]; nextCursor: string | null }> {
  await requireInCall(ctx, callId, userId);
  const limit = Math.min(Math.max(query.limit, 1), INVITEES_PAGE_MAX);
  const busy = await busyIds(ctx, callId);
  let after;
  if (query.cursor) {
    const last = await ctx.db.query.users.findFirst({ where: eq(users.id, query.cursor), columns: { id: true, name: true } });
    if (!last) throw new AppError(422, "validation_failed", "The cursor is not valid.", { cursor: ["Not a cursor we issued."] });
    after = or(gt(users.name, last.name), and(eq(users.name, last.name), gt(users.id, last.id)));
  }
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await ctx.db
    .selectDistinct({ id: users.id, name: users.name })
    .from(mine)
    .innerJoin(theirs, and(eq(theirs.conversationId, mine.conversationId), ne(theirs.userId, userId)))
    .innerJoin(users, eq(users.id, theirs.userId))
    .where(
      and(
        eq(mine.userId, userId),
        isNull(users.blockedAt),
        busy.length ? notInArray(users.id, busy) : undefined,
        pattern ? sql`${users.name} LIKE ${pattern} ESCAPE '\\'` : undefined,
        after,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

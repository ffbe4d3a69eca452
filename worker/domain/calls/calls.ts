import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { CallView } from "../../../party/call-messages";
import { callParticipants, calls, contracts, type Call, type Conversation } from "../../../db/schema";
import type { Viewer } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { memberIds, requireMembership, startConversation } from "../messaging/conversations";
import { notifyAll } from "../notifications/notify";
import { callOver, requireCallParticipant } from "./access";
import type { StartCallInput } from "./inputs";
import { answerCall, finishCall, hangUp, participantRow, refuseCall, settleRing } from "./lifecycle";
import { pushCallUpdate } from "./live";
import { CALL_HISTORY_PAGE_MAX, isLive, participantState } from "./rules";
import { callViews } from "./views";

async function view(ctx: DomainContext, call: Call): Promise<CallView> {
  const [result] = await callViews(ctx, [call]);
  return result;
}

/** The contract's conversation (opened if it does not exist yet), for one of the contract's two parties. */
async function contractConversation(ctx: DomainContext, viewer: Viewer, contractId: string): Promise<Conversation> {
  const contract = await ctx.db.query.contracts.findFirst({ where: eq(contracts.id, contractId) });
  const me = viewer.user.id;
  if (!contract || (contract.clientId !== me && contract.freelancerId !== me)) throw new AppError(404, "not_found", "No such contract.");
  const participantId = contract.clientId === me ? contract.freelancerId : contract.clientId;
  const { conversation } = await startConversation(ctx, viewer, { participantId, contractId });
  return requireMembership(ctx, conversation.id, me);
}

/** Where a call from this input takes place: the conversation itself, or the contract's conversation. */
function conversationFor(ctx: DomainContext, viewer: Viewer, input: StartCallInput): Promise<Conversation> {
  return input.conversationId
    ? requireMembership(ctx, input.conversationId, viewer.user.id)
    : contractConversation(ctx, viewer, input.contractId ?? "");
}

/** Starts a call in a conversation (or a contract's); the others' tabs ring and they get a notification. */
export async function startCall(ctx: DomainContext, viewer: Viewer, input: StartCallInput): Promise<CallView> {
  const conversation = await conversationFor(ctx, viewer, input);
  if (await liveCallIn(ctx, conversation.id)) {
    throw new AppError(409, "call_in_progress", "A call is already going on in this conversation; join it instead.");
  }
  const members = await memberIds(ctx, conversation.id);
  const now = ctx.clock.now();
  const id = ctx.newId();
  const [row] = await ctx.db.batch([
    ctx.db
      .insert(calls)
      .values({
        id,
        conversationId: conversation.id,
        contractId: conversation.contractId,
        startedBy: viewer.user.id,
        status: "ringing",
        startedAt: now,
      })
      .returning(),
    ctx.db.insert(callParticipants).values(
      members.map((userId) => ({
        callId: id,
        userId,
        invitedAt: now,
        answeredAt: userId === viewer.user.id ? now : null,
        createdAt: now,
      })),
    ),
  ]);
  const call = await view(ctx, row[0]);
  const others = members.filter((m) => m !== viewer.user.id);
  await notifyAll(ctx, others, "call_incoming", {
    title: `${viewer.user.name} is calling you`,
    body: `${viewer.user.name} started a video call. Open it to answer.`,
    link: `/calls/${id}`,
  });
  await pushCallUpdate(ctx, call);
  return call;
}

export async function getCall(ctx: DomainContext, userId: string, callId: string): Promise<CallView> {
  return view(ctx, await requireCallParticipant(ctx, callId, userId));
}

export async function acceptCall(ctx: DomainContext, userId: string, callId: string): Promise<CallView> {
  return view(ctx, await answerCall(ctx, await requireCallParticipant(ctx, callId, userId), userId));
}

export async function declineCall(ctx: DomainContext, userId: string, callId: string): Promise<CallView> {
  return view(ctx, await refuseCall(ctx, await requireCallParticipant(ctx, callId, userId), userId));
}

/**
 * Hanging up: the caller cancelling a ring makes it missed, someone rung hanging up declines, and in a call of
 * three or more the others carry on without whoever hangs up.
 */
export async function endCall(ctx: DomainContext, userId: string, callId: string): Promise<CallView> {
  const call = await requireCallParticipant(ctx, callId, userId);
  if (!isLive(call.status)) throw callOver();
  const state = participantState(await participantRow(ctx, callId, userId));
  if (state === "invited" && call.startedBy !== userId) return view(ctx, await refuseCall(ctx, call, userId));
  return view(ctx, await hangUp(ctx, call, userId));
}

/** Called by the call room when its last participant left (or its ring alarm fired). */
export async function closeCall(ctx: DomainContext, callId: string, reason: "empty" | "ring-timeout"): Promise<CallView | null> {
  const call = await ctx.db.query.calls.findFirst({ where: eq(calls.id, callId) });
  if (!call) return null;
  const settled = reason === "empty" ? await finishCall(ctx, call) : await settleRing(ctx, call);
  return view(ctx, settled);
}

/** A conversation's calls, newest first. Cursor: the last id seen. */
export async function listConversationCalls(
  ctx: DomainContext,
  userId: string,
  conversationId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: CallView[]; nextCursor: string | null }> {
  await requireMembership(ctx, conversationId, userId);
  const limit = Math.min(Math.max(page.limit, 1), CALL_HISTORY_PAGE_MAX);
  const rows = await ctx.db
    .select()
    .from(calls)
    .where(and(eq(calls.conversationId, conversationId), page.cursor ? lt(calls.id, page.cursor) : undefined))
    .orderBy(desc(calls.id))
    .limit(limit + 1);
  const pageRows = await Promise.all(rows.slice(0, limit).map((row) => settleRing(ctx, row)));
  return { items: await callViews(ctx, pageRows), nextCursor: rows.length > limit ? (pageRows.at(-1)?.id ?? null) : null };
}

/** The call ringing or going on in a conversation (rings past their timeout are settled as missed first). */
async function liveCallIn(ctx: DomainContext, conversationId: string): Promise<Call | null> {
  const rows = await ctx.db.query.calls.findMany({
    where: and(eq(calls.conversationId, conversationId), inArray(calls.status, ["ringing", "active"])),
  });
  for (const row of rows) {
    const settled = await settleRing(ctx, row);
    if (isLive(settled.status)) return settled;
  }
  return null;
}

/** The live call where `input` would start one, if any (a second "Start call" joins it instead). */
export async function liveCallFor(ctx: DomainContext, viewer: Viewer, input: StartCallInput): Promise<CallView | null> {
  const live = await liveCallIn(ctx, (await conversationFor(ctx, viewer, input)).id);
  return live ? view(ctx, live) : null;
}

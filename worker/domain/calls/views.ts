import { asc, eq, inArray } from "drizzle-orm";
import type { CallParticipantView, CallView } from "../../../party/call-messages";
import { callParticipants, users, type Call } from "../../../db/schema";
import type { DomainContext } from "../context";
import { P2P_MAX_PARTICIPANTS, participantState } from "./rules";

/** Participants (with names and where they stand) of several calls in one query. */
export async function participantsOf(ctx: DomainContext, callIds: string[]): Promise<Map<string, CallParticipantView[]>> {
  const byCall = new Map<string, CallParticipantView[]>();
  if (callIds.length === 0) return byCall;
  const rows = await ctx.db
    .select({ participant: callParticipants, name: users.name })
    .from(callParticipants)
    .innerJoin(users, eq(users.id, callParticipants.userId))
    .where(inArray(callParticipants.callId, callIds))
    .orderBy(asc(callParticipants.createdAt), asc(users.id));
  for (const { participant: p, name } of rows) {
    const list = byCall.get(p.callId) ?? [];
    list.push({ id: p.userId, name, state: participantState(p), invitedBy: p.invitedBy, invitedAt: p.invitedAt.toISOString() });
    byCall.set(p.callId, list);
  }
  return byCall;
}

/** Everyone ever rung counts towards the media choice, so a call that grew past two stays on Calls. */
export function toCallView(call: Call, participants: CallParticipantView[], sfuConfigured: boolean): CallView {
  return {
    id: call.id,
    conversationId: call.conversationId,
    contractId: call.contractId,
    startedBy: call.startedBy,
    participants,
    status: call.status,
    media: sfuConfigured && participants.length > P2P_MAX_PARTICIPANTS ? "sfu" : "p2p",
    startedAt: call.startedAt.toISOString(),
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    durationSeconds: call.durationSeconds,
  };
}

export async function callViews(ctx: DomainContext, rows: Call[]): Promise<CallView[]> {
  const participants = await participantsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toCallView(row, participants.get(row.id) ?? [], Boolean(ctx.config.calls)));
}

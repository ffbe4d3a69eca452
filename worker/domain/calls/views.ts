import { asc, eq, inArray } from "drizzle-orm";
import type { CallView } from "../../../party/call-messages";
import { callParticipants, users, type Call } from "../../../db/schema";
import type { DomainContext } from "../context";
import { P2P_MAX_PARTICIPANTS } from "./rules";

/** Participants (with names) of several calls in one query. */
export async function participantsOf(ctx: DomainContext, callIds: string[]): Promise<Map<string, Array<{ id: string; name: string }>>> {
  const byCall = new Map<string, Array<{ id: string; name: string }>>();
  if (callIds.length === 0) return byCall;
  const rows = await ctx.db
    .select({ callId: callParticipants.callId, id: users.id, name: users.name })
    .from(callParticipants)
    .innerJoin(users, eq(users.id, callParticipants.userId))
    .where(inArray(callParticipants.callId, callIds))
    .orderBy(asc(callParticipants.createdAt), asc(users.id));
  for (const row of rows) {
    const list = byCall.get(row.callId) ?? [];
    list.push({ id: row.id, name: row.name });
    byCall.set(row.callId, list);
  }
  return byCall;
}

export function toCallView(call: Call, participants: Array<{ id: string; name: string }>, sfuConfigured: boolean): CallView {
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

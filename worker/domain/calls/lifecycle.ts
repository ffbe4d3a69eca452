import { and, count, eq, isNotNull, isNull, ne, or } from "drizzle-orm";
import { callParticipants, calls, type Call, type CallParticipant, type CallStatus } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { pushCallUpdate } from "./live";
import { callDurationSeconds, endedStatus, isLive, participantState, ringExpired } from "./rules";
import { callViews } from "./views";

type Change = Partial<Pick<Call, "status" | "answeredAt" | "endedAt" | "durationSeconds">>;

/**
 * Moves a call from `from` to a new state only if it is still in `from` (two people hanging up at once
 * change it once), then tells everyone's tabs. Null when someone else changed it first.
 */
async function transition(ctx: DomainContext, call: Call, from: CallStatus, change: Change): Promise<Call | null> {
  const [row] = await ctx.db
    .update(calls)
    .set(change)
    .where(and(eq(calls.id, call.id), eq(calls.status, from)))
    .returning();
  if (!row) return null;
  const [view] = await callViews(ctx, [row]);
  await pushCallUpdate(ctx, view);
  return row;
}

async function reload(ctx: DomainContext, callId: string): Promise<Call> {
  const row = await ctx.db.query.calls.findFirst({ where: eq(calls.id, callId) });
  if (!row) throw new AppError(404, "not_found", "No such call.");
  return row;
}

/** Ends a ringing or active call: answered calls are ended (with their duration), unanswered ones missed. */
export async function finishCall(ctx: DomainContext, call: Call): Promise<Call> {
  if (call.status !== "ringing" && call.status !== "active") return call;
  const endedAt = ctx.clock.now();
  const changed = await transition(ctx, call, call.status, {
    status: endedStatus(call.status),
    endedAt,
    durationSeconds: callDurationSeconds(call.answeredAt, endedAt),
  });
  return changed ?? finishCall(ctx, await reload(ctx, call.id));
}

/** A ring nobody answered in time is missed; called whenever a ringing call is read. */
export async function settleRing(ctx: DomainContext, call: Call): Promise<Call> {
  if (call.status !== "ringing" || !ringExpired(call.startedAt, ctx.clock.now())) return call;
  const changed = await transition(ctx, call, "ringing", { status: "missed", endedAt: ctx.clock.now(), durationSeconds: null });
  return changed ?? reload(ctx, call.id);
}

const notRinging = () => new AppError(409, "call_not_ringing", "This call is no longer ringing.");
const callerCannot = (what: string) => new AppError(403, "forbidden", `The person who started a call cannot ${what} it.`);

export async function participantRow(ctx: DomainContext, callId: string, userId: string): Promise<CallParticipant> {
  const row = await ctx.db.query.callParticipants.findFirst({
    where: and(eq(callParticipants.callId, callId), eq(callParticipants.userId, userId)),
  });
  if (!row) throw new AppError(404, "not_found", "No such call.");
  return row;
}

async function pushCurrent(ctx: DomainContext, callId: string): Promise<Call> {
  const row = await reload(ctx, callId);
  const [view] = await callViews(ctx, [row]);
  await pushCallUpdate(ctx, view);
  return row;
}

/**
 * Comes into the call: someone rung answers (the first answer makes a ringing call active), or someone who
 * left a call that is still going on comes back.
 */
export async function answerCall(ctx: DomainContext, call: Call, userId: string): Promise<Call> {
  const me = await participantRow(ctx, call.id, userId);
  const state = participantState(me);
  if (!isLive(call.status)) throw notRinging();
  if (state === "left") {
    if (call.status !== "active") throw notRinging();
  } else if (call.startedBy === userId) {
    throw callerCannot("accept");
  } else if (state !== "invited") {
    throw notRinging();
  }
  const now = ctx.clock.now();
  const [answered, started] = await ctx.db.batch([
    ctx.db
      .update(callParticipants)
      .set({ answeredAt: now, leftAt: null })
      .where(
        and(
          eq(callParticipants.callId, call.id),
          eq(callParticipants.userId, userId),
          isNull(callParticipants.declinedAt),
          or(isNull(callParticipants.answeredAt), isNotNull(callParticipants.leftAt)),
        ),
      )
      .returning(),
    ctx.db
      .update(calls)
      .set({ status: "active", answeredAt: now })
      .where(and(eq(calls.id, call.id), eq(calls.status, "ringing")))
      .returning(),
  ]);
  if (answered.length === 0) throw notRinging();
  if (started.length === 0 && !isLive((await reload(ctx, call.id)).status)) {
    // The call ended between the check and the answer: undo the answer, nothing else changed.
    await ctx.db
      .update(callParticipants)
      .set({ answeredAt: me.answeredAt, leftAt: me.leftAt })
      .where(and(eq(callParticipants.callId, call.id), eq(callParticipants.userId, userId)));
    throw notRinging();
  }
  return pushCurrent(ctx, call.id);
}

/** Someone rung says no. A ringing call that nobody is left to answer is declined. */
export async function refuseCall(ctx: DomainContext, call: Call, userId: string): Promise<Call> {
  if (call.startedBy === userId) throw callerCannot("decline");
  const me = await participantRow(ctx, call.id, userId);
  if (!isLive(call.status) || participantState(me) !== "invited") throw notRinging();
  const now = ctx.clock.now();
  const [declined] = await ctx.db
    .update(callParticipants)
    .set({ declinedAt: now })
    .where(
      and(
        eq(callParticipants.callId, call.id),
        eq(callParticipants.userId, userId),
        isNull(callParticipants.answeredAt),
        isNull(callParticipants.declinedAt),
      ),
    )
    .returning();
  if (!declined) throw notRinging();
  if (call.status === "ringing") {
    const [waiting] = await ctx.db
      .select({ n: count() })
      .from(callParticipants)
      .where(and(eq(callParticipants.callId, call.id), isNull(callParticipants.answeredAt), isNull(callParticipants.declinedAt)));
    if (waiting.n === 0) {
      const changed = await transition(ctx, call, "ringing", { status: "declined", endedAt: now, durationSeconds: null });
      if (changed) return changed;
    }
  }
  return pushCurrent(ctx, call.id);
}

/**
 * Hanging up while in the call. With two or more others still in it the call goes on without this person;
 * otherwise it ends for everyone (an unanswered ring becomes missed).
 */
export async function hangUp(ctx: DomainContext, call: Call, userId: string): Promise<Call> {
  const me = await participantRow(ctx, call.id, userId);
  if (participantState(me) !== "joined") throw new AppError(409, "not_in_call", "You are not in this call.");
  const [others] = await ctx.db
    .select({ n: count() })
    .from(callParticipants)
    .where(
      and(
        eq(callParticipants.callId, call.id),
        ne(callParticipants.userId, userId),
        isNotNull(callParticipants.answeredAt),
        isNull(callParticipants.leftAt),
        isNull(callParticipants.declinedAt),
      ),
    );
  if (call.status !== "active" || others.n < 2) return finishCall(ctx, call);
  await ctx.db
    .update(callParticipants)
    .set({ leftAt: ctx.clock.now() })
    .where(and(eq(callParticipants.callId, call.id), eq(callParticipants.userId, userId)));
  return pushCurrent(ctx, call.id);
}

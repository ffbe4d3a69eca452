import { and, eq } from "drizzle-orm";
import { calls, type Call, type CallStatus } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { pushCallUpdate } from "./live";
import { callDurationSeconds, endedStatus, ringExpired } from "./rules";
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

export async function answerCall(ctx: DomainContext, call: Call, userId: string): Promise<Call> {
  if (call.startedBy === userId) throw callerCannot("accept");
  if (call.status !== "ringing") throw notRinging();
  const changed = await transition(ctx, call, "ringing", { status: "active", answeredAt: ctx.clock.now() });
  if (!changed) throw notRinging();
  return changed;
}

export async function refuseCall(ctx: DomainContext, call: Call, userId: string): Promise<Call> {
  if (call.startedBy === userId) throw callerCannot("decline");
  if (call.status !== "ringing") throw notRinging();
  const changed = await transition(ctx, call, "ringing", { status: "declined", endedAt: ctx.clock.now(), durationSeconds: null });
  if (!changed) throw notRinging();
  return changed;
}

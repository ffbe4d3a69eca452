import { and, eq } from "drizzle-orm";
import { callParticipants, calls, type Call } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { settleRing } from "./lifecycle";
import { isLive } from "./rules";

/** Non-participants get the same answer as for a call that does not exist. */
export const callNotFound = () => new AppError(404, "not_found", "No such call.");
export const callOver = () => new AppError(409, "call_over", "This call has already finished.");

/** The call, for one of its participants (a ring past its timeout is settled as missed first). */
export async function requireCallParticipant(ctx: DomainContext, callId: string, userId: string): Promise<Call> {
  const [row] = await ctx.db
    .select({ call: calls })
    .from(calls)
    .innerJoin(callParticipants, and(eq(callParticipants.callId, calls.id), eq(callParticipants.userId, userId)))
    .where(eq(calls.id, callId))
    .limit(1);
  if (!row) throw callNotFound();
  return settleRing(ctx, row.call);
}

/** Joining the call room or its media needs a call that is still ringing or going on. */
export async function requireLiveCall(ctx: DomainContext, callId: string, userId: string): Promise<Call> {
  const call = await requireCallParticipant(ctx, callId, userId);
  if (!isLive(call.status)) throw callOver();
  return call;
}

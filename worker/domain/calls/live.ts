import type { CallView } from "../../../party/call-messages";
import type { DomainContext } from "../context";
import { publishQuietly } from "../shared/publisher";

/** Every participant's open tabs learn the call's new state (ringing banner, accepted, over). */
export async function pushCallUpdate(ctx: DomainContext, call: CallView): Promise<void> {
  const rooms = ctx.rooms;
  if (!rooms) return;
  await publishQuietly(
    ctx,
    "call",
    call.participants.map((p) => rooms.toUser(p.id, { type: "call", call })),
  );
}

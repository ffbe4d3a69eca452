import type { Viewer } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { contractForParty } from "../contract-core/access";
import { requireLiveCall } from "../calls/access";
import { requireMembership } from "../messaging/conversations";
import { parseRoom } from "./names";
import { roomSocketUrl, signRoomTicket } from "./tickets";

/**
 * A ticket for one room, for the viewer, valid for a minute. Who may join: anyone signed in for presence,
 * members for a conversation, only its owner for a personal room, the two parties for a contract's whiteboard,
 * the participants of a call that is still ringing or going on.
 */
export async function issueRoomTicket(
  ctx: DomainContext,
  viewer: Viewer,
  room: string,
  requestUrl: string,
): Promise<{ ticket: string; url: string }> {
  const ref = parseRoom(room);
  if (!ref) {
    throw new AppError(422, "validation_failed", "Not a room name.", {
      room: ["Use presence, conversation:<id>, user:<id>, whiteboard:<contractId> or call:<id>."],
    });
  }
  switch (ref.kind) {
    case "presence":
      break;
    case "conversation":
      await requireMembership(ctx, ref.id, viewer.user.id);
      break;
    case "user":
      if (ref.id !== viewer.user.id) throw new AppError(403, "forbidden", "A personal room is only for its owner.");
      break;
    case "whiteboard":
      await contractForParty(ctx, ref.id, viewer.user.id);
      break;
    case "call":
      await requireLiveCall(ctx, ref.id, viewer.user.id);
      break;
    default:
      ref satisfies never;
  }
  const ticket = await signRoomTicket(ctx.config.secret, viewer.user.id, ref, ctx.clock.now().getTime());
  return { ticket, url: roomSocketUrl(requestUrl, ref, ticket) };
}

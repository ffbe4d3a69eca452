import { eq, inArray } from "drizzle-orm";
import { freelancerProfiles, users, type Meeting } from "../../../db/schema";
import type { MeetingStatus } from "../../../db/schema/values";
import type { DomainContext } from "../context";
import { knownZone } from "../time/zones";
import { canJoinAt, meetingEnd } from "./rules";

type MeetingPerson = { name: string; chosen: string | null; zone: string | null };

export interface MeetingPartyView {
  id: string;
  name: string;
  /**
   * Their zone: the one chosen in their settings, else the one their browser reported when they last acted on the
   * meeting, else their profile's; null if unknown.
   */
  timeZone: string | null;
}

/** A meeting as the API and the pages show it. */
export interface MeetingView {
  id: string;
  conversationId: string;
  contractId: string | null;
  title: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  status: MeetingStatus;
  /** Counts changes of time, as the .ics SEQUENCE does. */
  sequence: number;
  proposedBy: string;
  /** Who has to accept, decline or propose another time; null once answered. */
  awaitingAnswerFrom: string | null;
  organizer: MeetingPartyView;
  invitee: MeetingPartyView;
  /** True while the call can be opened from the meeting (shortly before the start until the end). */
  canJoin: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toMeetingView(m: Meeting, people: Map<string, MeetingPerson>, now: Date): MeetingView {
  const party = (id: string, zone: string | null): MeetingPartyView => ({
    id,
    name: people.get(id)?.name ?? "Someone",
    timeZone: knownZone(people.get(id)?.chosen, zone, people.get(id)?.zone),
  });
  const other = m.proposedBy === m.organizerId ? m.inviteeId : m.organizerId;
  return {
    id: m.id,
    conversationId: m.conversationId,
    contractId: m.contractId,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: meetingEnd(m.startsAt, m.durationMinutes).toISOString(),
    durationMinutes: m.durationMinutes,
    status: m.status,
    sequence: m.sequence,
    proposedBy: m.proposedBy,
    awaitingAnswerFrom: m.status === "proposed" ? other : null,
    organizer: party(m.organizerId, m.organizerTimeZone),
    invitee: party(m.inviteeId, m.inviteeTimeZone),
    canJoin: canJoinAt(m, now),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** Views of several meetings, with their people's names (and profile zones) read in one query. */
export async function meetingViews(ctx: DomainContext, rows: Meeting[]): Promise<MeetingView[]> {
  const ids = [...new Set(rows.flatMap((m) => [m.organizerId, m.inviteeId]))];
  const people = new Map<string, MeetingPerson>();
  if (ids.length > 0) {
    const found = await ctx.db
      .select({ id: users.id, name: users.name, chosen: users.timeZone, zone: freelancerProfiles.timezone })
      .from(users)
      .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
      .where(inArray(users.id, ids));
    for (const p of found) people.set(p.id, { name: p.name, chosen: p.chosen, zone: p.zone });
  }
  const now = ctx.clock.now();
  return rows.map((m) => toMeetingView(m, people, now));
}

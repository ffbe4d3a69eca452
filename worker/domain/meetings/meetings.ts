import { and, asc, desc, eq, gt, gte, isNotNull, lt, or, type SQL } from "drizzle-orm";
import { contracts, freelancerProfiles, meetings, users, type Conversation, type Meeting } from "../../../db/schema";
import type { Viewer } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireMembership, startConversation } from "../messaging/conversations";
import { notify } from "../notifications/notify";
import { formatDateTime, isTimeZone } from "../time/format";
import { icsFilename, meetingIcs } from "./ics";
import type { AnswerMeetingInput, MeetingsQuery, ProposeMeetingInput, RescheduleMeetingInput } from "./inputs";
import { queueReminder } from "./reminders";
import { MEETING_HORIZON_MS, MEETING_LEAD_MIN_MS } from "./rules";
import { meetingViews, type MeetingView } from "./views";

export const meetingNotFound = () => new AppError(404, "not_found", "No such meeting.");

async function view(ctx: DomainContext, row: Meeting): Promise<MeetingView> {
  const [result] = await meetingViews(ctx, [row]);
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

/** A start time must lie ahead (a few minutes at least) and within a year. */
function checkStart(ctx: DomainContext, startsAt: string): Date {
  const start = new Date(startsAt);
  const now = ctx.clock.now().getTime();
  if (start.getTime() < now + MEETING_LEAD_MIN_MS) {
    throw new AppError(422, "validation_failed", "Choose a time at least 5 minutes from now.", {
      startsAt: ["Choose a time at least 5 minutes from now."],
    });
  }
  if (start.getTime() > now + MEETING_HORIZON_MS) {
    throw new AppError(422, "validation_failed", "Choose a time within the next year.", {
      startsAt: ["Choose a time within the next year."],
    });
  }
  return start;
}

async function requireMeeting(ctx: DomainContext, meetingId: string, userId: string): Promise<Meeting> {
  const row = await ctx.db.query.meetings.findFirst({
    where: and(eq(meetings.id, meetingId), or(eq(meetings.organizerId, userId), eq(meetings.inviteeId, userId))),
  });
  if (!row) throw meetingNotFound();
  return row;
}

const otherParty = (m: Meeting, userId: string) => (m.organizerId === userId ? m.inviteeId : m.organizerId);
const zoneColumn = (m: Meeting, userId: string) => (m.organizerId === userId ? "organizerTimeZone" : "inviteeTimeZone");
const when = (m: MeetingView) => formatDateTime(m.startsAt);

/** Proposes a meeting in a conversation (or a contract's); the other side is told and answers it. */
export async function proposeMeeting(ctx: DomainContext, viewer: Viewer, input: ProposeMeetingInput): Promise<MeetingView> {
  const start = checkStart(ctx, input.startsAt);
  const conversation = input.conversationId
    ? await requireMembership(ctx, input.conversationId, viewer.user.id)
    : await contractConversation(ctx, viewer, input.contractId ?? "");
  const me = viewer.user.id;
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(meetings)
    .values({
      id: ctx.newId(),
      conversationId: conversation.id,
      contractId: conversation.contractId,
      organizerId: me,
      inviteeId: conversation.clientId === me ? conversation.freelancerId : conversation.clientId,
      proposedBy: me,
      title: input.title,
      startsAt: start,
      durationMinutes: input.durationMinutes,
      status: "proposed",
      organizerTimeZone: input.timeZone ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const meeting = await view(ctx, row);
  await notify(ctx, row.inviteeId, "meeting_proposed", {
    title: `${viewer.user.name} proposed a meeting: ${meeting.title}`,
    body: `${viewer.user.name} proposed “${meeting.title}” on ${when(meeting)} for ${meeting.durationMinutes} minutes. Accept it, decline it or propose another time.`,
    link: `/meetings/${meeting.id}`,
  });
  return meeting;
}

export async function getMeeting(ctx: DomainContext, userId: string, meetingId: string): Promise<MeetingView> {
  return view(ctx, await requireMeeting(ctx, meetingId, userId));
}

/** The .ics file of a meeting, for its two members. */
export async function meetingCalendarFile(
  ctx: DomainContext,
  userId: string,
  meetingId: string,
): Promise<{ filename: string; text: string }> {
  const meeting = await getMeeting(ctx, userId, meetingId);
  return { filename: icsFilename(meeting), text: meetingIcs(meeting, ctx.config.appOrigin) };
}

/** Only the side that did not make the latest proposal answers it, and only while it waits for an answer. */
async function requireAnswerable(ctx: DomainContext, userId: string, meetingId: string): Promise<Meeting> {
  const row = await requireMeeting(ctx, meetingId, userId);
  if (row.status !== "proposed") throw new AppError(409, "meeting_answered", `This meeting was already ${row.status}.`);
  if (row.proposedBy === userId) throw new AppError(403, "forbidden", "The other side answers your proposal.");
  return row;
}

/**
 * Accepting: the meeting shows on both dashboards, both get the calendar invitation by e-mail, and the
 * 15-minute reminder is queued. Only one answer wins when both tabs answer at once.
 */
export async function acceptMeeting(
  ctx: DomainContext,
  viewer: Viewer,
  meetingId: string,
  input: AnswerMeetingInput = {},
): Promise<MeetingView> {
  const me = viewer.user.id;
  const row = await requireAnswerable(ctx, me, meetingId);
  if (row.startsAt.getTime() <= ctx.clock.now().getTime()) {
    throw new AppError(409, "meeting_past", "This time has passed; propose another time instead.");
  }
  const [updated] = await ctx.db
    .update(meetings)
    .set({ status: "accepted", updatedAt: ctx.clock.now(), ...(input.timeZone ? { [zoneColumn(row, me)]: input.timeZone } : {}) })
    .where(and(eq(meetings.id, row.id), eq(meetings.status, "proposed"), eq(meetings.sequence, row.sequence)))
    .returning();
  if (!updated) throw new AppError(409, "meeting_answered", "This meeting was answered or changed meanwhile.");
  const meeting = await view(ctx, updated);
  const attachments = [
    {
      filename: icsFilename(meeting),
      contentType: "text/calendar; method=PUBLISH; charset=utf-8",
      content: meetingIcs(meeting, ctx.config.appOrigin),
    },
  ];
  const body = `“${meeting.title}” is on: ${when(meeting)}, ${meeting.durationMinutes} minutes. The calendar invitation is attached; join the call from the meeting page at that time.`;
  await notify(
    ctx,
    row.proposedBy,
    "meeting_answered",
    { title: `${viewer.user.name} accepted: ${meeting.title}`, body, link: `/meetings/${meeting.id}` },
    { attachments },
  );
  await notify(
    ctx,
    me,
    "meeting_answered",
    { title: `Meeting confirmed: ${meeting.title}`, body, link: `/meetings/${meeting.id}` },
    { attachments, inApp: false },
  );
  await queueReminder(ctx, updated);
  return meeting;
}

export async function declineMeeting(
  ctx: DomainContext,
  viewer: Viewer,
  meetingId: string,
  input: AnswerMeetingInput = {},
): Promise<MeetingView> {
  const me = viewer.user.id;
  const row = await requireAnswerable(ctx, me, meetingId);
  const [updated] = await ctx.db
    .update(meetings)
    .set({ status: "declined", updatedAt: ctx.clock.now(), ...(input.timeZone ? { [zoneColumn(row, me)]: input.timeZone } : {}) })
    .where(and(eq(meetings.id, row.id), eq(meetings.status, "proposed"), eq(meetings.sequence, row.sequence)))
    .returning();
  if (!updated) throw new AppError(409, "meeting_answered", "This meeting was answered or changed meanwhile.");
  const meeting = await view(ctx, updated);
  await notify(ctx, row.proposedBy, "meeting_answered", {
    title: `${viewer.user.name} declined: ${meeting.title}`,
    body: `${viewer.user.name} declined “${meeting.title}” on ${when(meeting)}. You can propose another meeting from your conversation.`,
    link: `/meetings/${meeting.id}`,
  });
  return meeting;
}

/**
 * Another time, from either side, while the meeting is proposed or accepted: it waits for the other side's
 * answer again and its SEQUENCE grows, so calendars replace the old time.
 */
export async function rescheduleMeeting(
  ctx: DomainContext,
  viewer: Viewer,
  meetingId: string,
  input: RescheduleMeetingInput,
): Promise<MeetingView> {
  const me = viewer.user.id;
  const row = await requireMeeting(ctx, meetingId, me);
  if (row.status === "declined") throw new AppError(409, "meeting_declined", "This meeting was declined; propose a new one instead.");
  const start = checkStart(ctx, input.startsAt);
  const [updated] = await ctx.db
    .update(meetings)
    .set({
      startsAt: start,
      durationMinutes: input.durationMinutes ?? row.durationMinutes,
      status: "proposed",
      proposedBy: me,
      sequence: row.sequence + 1,
      updatedAt: ctx.clock.now(),
      ...(input.timeZone ? { [zoneColumn(row, me)]: input.timeZone } : {}),
    })
    .where(and(eq(meetings.id, row.id), eq(meetings.sequence, row.sequence)))
    .returning();
  if (!updated) throw new AppError(409, "meeting_changed", "This meeting changed meanwhile; look at it again.");
  const meeting = await view(ctx, updated);
  await notify(ctx, otherParty(row, me), "meeting_proposed", {
    title: `${viewer.user.name} proposed another time: ${meeting.title}`,
    body: `${viewer.user.name} proposed to meet on ${when(meeting)} for ${meeting.durationMinutes} minutes instead. Accept it, decline it or propose another time.`,
    link: `/meetings/${meeting.id}`,
  });
  return meeting;
}

const CURSOR_SEPARATOR = "_";

/** The viewer's meetings starting in [from, to), earliest first, paginated by (start, id). */
export async function listMeetings(
  ctx: DomainContext,
  userId: string,
  query: Partial<MeetingsQuery> & { limit: number; status?: Meeting["status"][]; conversationId?: string },
): Promise<{ items: MeetingView[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [or(eq(meetings.organizerId, userId), eq(meetings.inviteeId, userId))];
  if (query.from) conditions.push(gte(meetings.startsAt, new Date(query.from)));
  if (query.to) conditions.push(lt(meetings.startsAt, new Date(query.to)));
  if (query.conversationId) conditions.push(eq(meetings.conversationId, query.conversationId));
  if (query.status?.length) conditions.push(or(...query.status.map((s) => eq(meetings.status, s))));
  if (query.cursor) {
    const split = query.cursor.indexOf(CURSOR_SEPARATOR);
    const start = new Date(Number(query.cursor.slice(0, split)));
    const id = query.cursor.slice(split + 1);
    conditions.push(or(gt(meetings.startsAt, start), and(eq(meetings.startsAt, start), gt(meetings.id, id))));
  }
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(and(...conditions))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await meetingViews(ctx, page),
    nextCursor: rows.length > query.limit && last ? `${last.startsAt.getTime()}${CURSOR_SEPARATOR}${last.id}` : null,
  };
}

/**
 * A person's zone: the one chosen in their settings, else the one they last reported on a meeting, else their
 * freelancer profile's; null when nobody knows it.
 */
export async function knownTimeZone(ctx: DomainContext, userId: string, chosen?: string | null): Promise<string | null> {
  if (isTimeZone(chosen)) return chosen;
  const [latest] = await ctx.db
    .select({ organizerId: meetings.organizerId, organizerTimeZone: meetings.organizerTimeZone, inviteeTimeZone: meetings.inviteeTimeZone })
    .from(meetings)
    .where(
      or(
        and(eq(meetings.organizerId, userId), isNotNull(meetings.organizerTimeZone)),
        and(eq(meetings.inviteeId, userId), isNotNull(meetings.inviteeTimeZone)),
      ),
    )
    .orderBy(desc(meetings.updatedAt))
    .limit(1);
  if (latest) return latest.organizerId === userId ? latest.organizerTimeZone : latest.inviteeTimeZone;
  const profile = await ctx.db.query.freelancerProfiles.findFirst({
    where: eq(freelancerProfiles.userId, userId),
    columns: { timezone: true },
  });
  return profile?.timezone ?? null;
}

/** Who the viewer would meet from this conversation or contract (the page that proposes shows their name and zone). */
export async function meetingPartner(
  ctx: DomainContext,
  viewer: Viewer,
  place: { conversationId?: string; contractId?: string },
): Promise<{ conversationId: string; contractId: string | null; partner: { id: string; name: string; timeZone: string | null } }> {
  const conversation = place.conversationId
    ? await requireMembership(ctx, place.conversationId, viewer.user.id)
    : await contractConversation(ctx, viewer, place.contractId ?? "");
  const partnerId = conversation.clientId === viewer.user.id ? conversation.freelancerId : conversation.clientId;
  const person = await ctx.db.query.users.findFirst({ where: eq(users.id, partnerId), columns: { name: true, timeZone: true } });
  return {
    conversationId: conversation.id,
    contractId: conversation.contractId,
    partner: { id: partnerId, name: person?.name ?? "Someone", timeZone: await knownTimeZone(ctx, partnerId, person?.timeZone) },
  };
}

/** A dashboard's next meetings: accepted or waiting for an answer, from an hour ago (one going on still shows). */
export async function upcomingMeetings(ctx: DomainContext, userId: string, limit = 5): Promise<MeetingView[]> {
  const from = new Date(ctx.clock.now().getTime() - 60 * 60 * 1000).toISOString();
  const page = await listMeetings(ctx, userId, { from, limit, status: ["accepted", "proposed"] });
  return page.items.filter((m) => Date.parse(m.endsAt) > ctx.clock.now().getTime());
}

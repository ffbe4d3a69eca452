import { z } from "zod";
import { MEETING_DURATIONS_MIN } from "../../../db/schema/values";
import { idParam } from "../messaging/inputs";
import { isTimeZone } from "../time/format";
import { MEETING_TITLE_MAX_CHARS, MEETINGS_PAGE_DEFAULT, MEETINGS_PAGE_MAX } from "./rules";

const title = z
  .string()
  .trim()
  .min(1, "Give the meeting a title.")
  .max(MEETING_TITLE_MAX_CHARS, `Titles are at most ${MEETING_TITLE_MAX_CHARS} characters.`);
const startsAt = z.iso.datetime({ offset: true, message: "Give the start as an ISO 8601 date and time, e.g. 2026-12-08T15:30:00Z." });
const durationMinutes = z.coerce
  .number()
  .int()
  .refine((n) => (MEETING_DURATIONS_MIN as readonly number[]).includes(n), `Choose ${MEETING_DURATIONS_MIN.join(", ")} minutes.`);
/** The proposer's IANA time zone, shown to the other side beside theirs (the web pages send the browser's). */
const timeZone = z.string().refine(isTimeZone, "Not a known time zone.").optional();

/** A meeting is proposed from exactly one place: a conversation or a contract. */
export const proposeMeetingInput = z
  .object({ conversationId: idParam.optional(), contractId: idParam.optional(), title, startsAt, durationMinutes, timeZone })
  .refine((v) => Boolean(v.conversationId) !== Boolean(v.contractId), {
    message: "Give either conversationId or contractId.",
    path: ["conversationId"],
  });
export type ProposeMeetingInput = z.infer<typeof proposeMeetingInput>;

/** Another time (and, optionally, another length); the other side answers it again. */
export const rescheduleMeetingInput = z.object({ startsAt, durationMinutes: durationMinutes.optional(), timeZone });
export type RescheduleMeetingInput = z.infer<typeof rescheduleMeetingInput>;

/** Accepting or declining may carry the answerer's time zone. */
export const answerMeetingInput = z.object({ timeZone }).default({});
export type AnswerMeetingInput = z.infer<typeof answerMeetingInput>;

export const meetingsQuery = z
  .object({
    from: z.iso.datetime({ offset: true, message: "Give from as an ISO 8601 date and time." }).optional(),
    to: z.iso.datetime({ offset: true, message: "Give to as an ISO 8601 date and time." }).optional(),
    cursor: z
      .string()
      .regex(/^\d{1,15}_[0-9A-Za-z_-]{1,64}$/, "Not a valid cursor.")
      .optional(),
    limit: z.coerce.number().int().min(1).max(MEETINGS_PAGE_MAX).default(MEETINGS_PAGE_DEFAULT),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: "from must be before to.", path: ["to"] });
export type MeetingsQuery = z.infer<typeof meetingsQuery>;

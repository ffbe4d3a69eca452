import type { MeetingStatus } from "../../../db/schema/values";
import type { Tone } from "../ui/badge";

export const MEETING_STATUS_TONE: Record<MeetingStatus, Tone> = { proposed: "warning", accepted: "success", declined: "neutral" };

/** The badge of a meeting as one side sees it. */
export function meetingStatusLabel(
  meeting: { status: MeetingStatus; awaitingAnswerFrom: string | null; endsAt: string },
  me: string,
): string {
  if (meeting.status === "declined") return "Declined";
  if (Date.parse(meeting.endsAt) <= Date.now()) return meeting.status === "accepted" ? "Took place" : "Never answered";
  if (meeting.status === "accepted") return "Accepted";
  return meeting.awaitingAnswerFrom === me ? "Waiting for your answer" : "Waiting for their answer";
}

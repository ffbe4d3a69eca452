import type { CallView } from "../../../party/call-messages";

/** "45 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function nameOf(call: CallView, userId: string): string {
  return call.participants.find((p) => p.id === userId)?.name ?? "Someone";
}

/** One line of call history, from `me`'s point of view. */
export function describeCall(call: CallView, me: string): string {
  const caller = call.startedBy === me ? "You" : nameOf(call, call.startedBy);
  switch (call.status) {
    case "ringing":
      return `${caller} started a video call (ringing)`;
    case "active":
      return `${caller} started a video call (in progress)`;
    case "declined":
      return call.startedBy === me ? "Your video call was declined" : `You declined a video call from ${caller}`;
    case "missed":
      return call.startedBy === me ? "Your video call was not answered" : `Missed video call from ${caller}`;
    case "ended":
      return `Video call, ${formatDuration(call.durationSeconds ?? 0)} (started by ${caller === "You" ? "you" : caller})`;
    default:
      return call.status satisfies never;
  }
}

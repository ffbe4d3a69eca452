import type { MeetingView } from "./views";

/** "20261208T153000Z": a UTC date-time as iCalendar writes it (RFC 5545 3.3.5, form 2). */
export function icsUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Content lines longer than 75 octets are folded: CRLF and one space (RFC 5545 3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const charSize = new TextEncoder().encode(char).length;
    if (size + charSize > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const STATUS = { proposed: "TENTATIVE", accepted: "CONFIRMED", declined: "CANCELLED" } as const;

/**
 * A meeting as an iCalendar object calendar apps import (METHOD:PUBLISH: no attendee addresses leave the
 * marketplace). The UID is stable, times are UTC, and SEQUENCE grows with every change of time, so an updated
 * file replaces the event it was imported as.
 */
export function meetingIcs(meeting: MeetingView, appOrigin: string): string {
  const host = new URL(appOrigin).hostname;
  const link = `${appOrigin}/meetings/${meeting.id}`;
  const description = `${meeting.organizer.name} and ${meeting.invitee.name} on MegiLance. Join the call from ${link}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//MegiLance//Meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:meeting-${meeting.id}@${host}`,
    `DTSTAMP:${icsUtc(meeting.updatedAt)}`,
    `DTSTART:${icsUtc(meeting.startsAt)}`,
    `DTEND:${icsUtc(meeting.endsAt)}`,
    `SEQUENCE:${meeting.sequence}`,
    `STATUS:${STATUS[meeting.status]}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${link}`,
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(meeting.title)}`,
    "TRIGGER:-PT15M",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

export const icsFilename = (meeting: Pick<MeetingView, "id">) => `meeting-${meeting.id}.ics`;

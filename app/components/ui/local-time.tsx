import { useEffect, useState } from "react";

const UTC_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Renders in UTC on the server (it cannot know the zone), then in the viewer's own zone once hydrated. */
export function LocalTime({ value }: { value: string | Date }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const [text, setText] = useState(() => `${UTC_FORMAT.format(date)} UTC`);
  useEffect(() => {
    setText(new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date));
  }, [date.getTime()]); // eslint-disable-line react-hooks/exhaustive-deps
  return <time dateTime={date.toISOString()}>{text}</time>;
}

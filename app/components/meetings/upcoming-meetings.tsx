import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import type { loader } from "~/routes/meetings.upcoming";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { MeetingList } from "./meeting-list";

/**
 * A dashboard's next meetings, with the call one click away when one is about to start. It loads after the page
 * (its own round trips stay off the dashboard's budget); without JavaScript the link to all meetings remains.
 */
export function UpcomingMeetings() {
  const fetcher = useFetcher<typeof loader>();
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load("/meetings/upcoming");
  }, [fetcher]);
  const data = fetcher.data;
  const now = data?.meetings.find((m) => m.canJoin);
  return (
    <Card
      title="Upcoming meetings"
      actions={
        <Link to="/meetings" className="text-sm font-medium underline">
          All meetings
        </Link>
      }
    >
      {now ? (
        <Form method="post" action="/calls/start" className="mb-3 flex flex-wrap items-center gap-3">
          <input type="hidden" name="conversationId" value={now.conversationId} />
          <p className="text-sm font-medium">“{now.title}” is starting.</p>
          <Button type="submit" size="sm">
            Join the call
          </Button>
        </Form>
      ) : null}
      {data ? (
        <MeetingList meetings={data.meetings} me={data.me} empty="No meetings planned. Propose one from a conversation or a contract." />
      ) : (
        <p className="text-muted text-sm" aria-busy="true">
          Loading your meetings…
        </p>
      )}
    </Card>
  );
}

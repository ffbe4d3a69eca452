import { Form, Link } from "@remix-run/react";
import type { MeetingView } from "../../../worker/domain/meetings/views";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { MeetingList } from "./meeting-list";

/** A dashboard's next meetings, with the call one click away when one is about to start. */
export function UpcomingMeetings({ meetings, me }: { meetings: MeetingView[]; me: string }) {
  const now = meetings.find((m) => m.canJoin);
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
      <MeetingList meetings={meetings} me={me} empty="No meetings planned. Propose one from a conversation or a contract." />
    </Card>
  );
}

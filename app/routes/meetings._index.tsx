import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { CursorPager } from "~/components/marketplace/pager";
import { MeetingList } from "~/components/meetings/meeting-list";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { listMeetings } from "~/utils/meetings.server";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Meetings — MegiLance" }];

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const ctx = domainFrom(context);
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 90) || undefined;
  const now = Date.now();
  // From an hour back, so a meeting going on now still shows with its Join button.
  const from = new Date(now - 60 * 60 * 1000).toISOString();
  const [upcoming, past] = await Promise.all([
    listMeetings(ctx, viewer.user.id, { from, cursor: /^\d+_/.test(cursor ?? "") ? cursor : undefined, limit: PAGE_SIZE }),
    listMeetings(ctx, viewer.user.id, { from: new Date(now - 30 * DAY_MS).toISOString(), to: from, limit: PAGE_SIZE }),
  ]);
  return { viewer: summarizeViewer(viewer), me: viewer.user.id, upcoming, past };
}

export default function MeetingsPage() {
  const { viewer, me, upcoming, past } = useLoaderData<typeof loader>();
  const waiting = upcoming.items.filter((m) => m.awaitingAnswerFrom === me);
  const rest = upcoming.items.filter((m) => m.awaitingAnswerFrom !== me);
  return (
    <PortalShell title="Meetings" viewer={viewer}>
      <div className="max-w-3xl space-y-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Meetings</h1>
          <p className="text-muted mt-1 text-sm">
            Propose a meeting from a conversation or a contract; accepted ones come with a calendar invitation.
          </p>
        </div>
        {waiting.length ? (
          <Card title="Waiting for your answer">
            <MeetingList meetings={waiting} me={me} empty="" />
          </Card>
        ) : null}
        <Card title="Upcoming">
          <MeetingList meetings={rest} me={me} empty="No meetings planned. Open a conversation and choose Propose a meeting." />
          <CursorPager nextCursor={upcoming.nextCursor} label="Later meetings" />
        </Card>
        <Card title="Last 30 days">
          <MeetingList meetings={[...past.items].reverse()} me={me} empty="No meetings in the last 30 days." />
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

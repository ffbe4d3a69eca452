import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import type { CallView } from "../../party/call-messages";
import { CallStage } from "~/components/calls/call-stage";
import { RecordingPanel } from "~/components/calls/recording-panel";
import { apiJson } from "~/components/calls/api.client";
import { formatDuration, nameOf } from "~/components/calls/format";
import { useCallMedia } from "~/components/calls/use-call-media";
import { useCallUpdates } from "~/components/calls/use-call-updates";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Button } from "~/components/ui/button";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { acceptCall, declineCall, endCall, getCall } from "~/utils/calls.server";
import { AppError, domainFrom } from "~/utils/domain.server";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Video call — MegiLance" }];

const intentSchema = z.object({ intent: z.enum(["accept", "decline", "end"]) });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  try {
    const call = await getCall(domainFrom(context), viewer.user.id, params.id ?? "");
    return { viewer: summarizeViewer(viewer), me: viewer.user.id, call };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unknown action.", { status: 422 });
  const run = { accept: acceptCall, decline: declineCall, end: endCall }[parsed.data.intent];
  const id = params.id ?? "";
  try {
    await run(domainFrom(context), viewer.user.id, id);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    // A call that moved on meanwhile (answered elsewhere, over) is simply shown as it is now.
    if (error.status !== 409 && error.status !== 403) throw error;
  }
  return redirect(`/calls/${id}`);
}

const myState = (call: CallView, me: string) => call.participants.find((p) => p.id === me)?.state ?? "invited";
const live = (call: CallView) => call.status === "ringing" || call.status === "active";

function statusText(call: CallView, me: string, connected: boolean): string {
  const mine = call.participants.find((p) => p.id === me);
  if (live(call) && mine?.state === "left") return "You left this call. The others are still talking.";
  if (live(call) && mine?.invitedBy && mine.state === "invited") return `${nameOf(call, mine.invitedBy)} is inviting you to this call.`;
  switch (call.status) {
    case "ringing":
      return call.startedBy === me ? "Ringing…" : `${nameOf(call, call.startedBy)} is calling you.`;
    case "active":
      if (mine?.state === "invited") return `${nameOf(call, call.startedBy)} is calling you.`;
      return connected ? "Connected" : "Connecting…";
    case "declined":
      return "The call was declined.";
    case "missed":
      return "Nobody answered this call.";
    case "ended":
      return `Call ended after ${formatDuration(call.durationSeconds ?? 0)}.`;
    default:
      return call.status satisfies never;
  }
}

export default function CallPage() {
  const loaded = useLoaderData<typeof loader>();
  const { me, viewer } = loaded;
  const [call, setCall] = useState(loaded.call);
  useEffect(() => setCall(loaded.call), [loaded.call]);
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  useCallUpdates(me, (update) => {
    if (update.id === call.id) setCall(update);
  });
  const state = myState(call, me);
  const inCall = live(call) && state === "joined";
  const media = useCallMedia(call.id, inCall, call.media);
  const connected = media.peers.some((p) => p.connection === "connected");
  const others = call.participants.filter((p) => p.id !== me && p.state !== "declined").map((p) => p.name);

  const hangUp = async () => {
    media.leave();
    const { call: ended } = await apiJson<{ call: CallView }>(`/api/calls/${call.id}/end`, {}).catch(() => ({ call }));
    setCall(ended);
    revalidator.revalidate();
  };

  return (
    <PortalShell title="Video call" viewer={viewer}>
      <div className="mx-auto max-w-5xl space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">Video call with {others.join(", ")}</h1>
        <p role="status" className="text-muted">
          {statusText(call, me, connected)}
        </p>
        {media.error ? <p className="text-sm text-red-700 dark:text-red-300">{media.error}</p> : null}
        {live(call) && state === "invited" && call.startedBy !== me ? (
          <Form method="post" className="flex gap-2">
            <Button name="intent" value="accept" disabled={navigation.state !== "idle"}>
              Accept
            </Button>
            <Button name="intent" value="decline" variant="danger" disabled={navigation.state !== "idle"}>
              Decline
            </Button>
          </Form>
        ) : null}
        {call.status === "active" && state === "left" ? (
          <Form method="post">
            <Button name="intent" value="accept" disabled={navigation.state !== "idle"}>
              Rejoin the call
            </Button>
          </Form>
        ) : null}
        {inCall && media.phase !== "left" ? <CallStage call={call} me={me} media={media} onHangUp={() => void hangUp()} canInvite /> : null}
        {inCall && media.phase === "live" ? <RecordingPanel call={call} me={me} media={media} /> : null}
        <Link
          to={`/messages/${call.conversationId}`}
          className="inline-block text-sm font-medium text-brand-600 underline dark:text-brand-100"
        >
          Back to the conversation
        </Link>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

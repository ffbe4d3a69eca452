import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { meetingStatusLabel, MEETING_STATUS_TONE } from "~/components/meetings/labels";
import { MeetingTimeFields } from "~/components/meetings/meeting-time-fields";
import { TimeInBothZones } from "~/components/meetings/zones";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmationPage, ConfirmButton, usePendingConfirmation, type Confirmation } from "~/components/ui/confirm";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { confirmationNeeded } from "~/utils/confirm.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { fieldErrors, meetingFields, meetingFormError, type MeetingFormErrors } from "~/utils/meeting-forms.server";
import { acceptMeeting, declineMeeting, getMeeting, rescheduleMeeting, rescheduleMeetingInput } from "~/utils/meetings.server";
import { statedTimeZone } from "~/utils/time-zone.server";
import { dateToZonedWallTime } from "../../worker/domain/time/zoned";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Meeting — MegiLance" }];

const intentSchema = z.object({ intent: z.enum(["accept", "decline", "reschedule"]) });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  try {
    const meeting = await getMeeting(domainFrom(context), viewer.user.id, params.id ?? "");
    const nextStart = dateToZonedWallTime(
      new Date(Math.max(Date.parse(meeting.startsAt), Date.now() + 60 * 60 * 1000)),
      statedTimeZone(request, viewer.user),
    );
    return { viewer: summarizeViewer(viewer), me: viewer.user.id, meeting, nextStart };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const intent = intentSchema.safeParse(Object.fromEntries(form));
  if (!intent.success) throw new Response("Unknown action.", { status: 422 });
  const unconfirmed = confirmationNeeded(form, ["decline"]);
  if (unconfirmed) return unconfirmed;
  const ctx = domainFrom(context);
  const id = params.id ?? "";
  const timeZone = statedTimeZone(request, viewer.user) ?? undefined;
  try {
    if (intent.data.intent === "reschedule") {
      const parsed = rescheduleMeetingInput.safeParse(meetingFields(request, form, viewer.user));
      if (!parsed.success) return data<MeetingFormErrors>({ fields: fieldErrors(parsed.error) }, { status: 422 });
      await rescheduleMeeting(ctx, viewer, id, parsed.data);
    } else {
      await (intent.data.intent === "accept" ? acceptMeeting : declineMeeting)(ctx, viewer, id, { timeZone });
    }
  } catch (error) {
    return meetingFormError(error);
  }
  return redirect(`/meetings/${id}`);
}

const declineConfirmation = (title: string): Confirmation => ({
  title: "Decline this meeting?",
  body: `“${title}” will not take place. To meet at another time instead, propose a new time.`,
  confirmLabel: "Decline the meeting",
  tone: "danger",
});

export default function MeetingPage() {
  const { viewer, me, meeting, nextStart } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const pending = usePendingConfirmation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const other = meeting.organizer.id === me ? meeting.invitee : meeting.organizer;
  const myTurn = meeting.awaitingAnswerFrom === me;
  const over = Date.parse(meeting.endsAt) <= Date.now();
  const answerData = answer && "fields" in answer ? answer : undefined;
  if (pending) return <ConfirmationPage pending={pending} confirmation={declineConfirmation(meeting.title)} />;
  return (
    <PortalShell title="Meeting" viewer={viewer}>
      <div className="max-w-3xl space-y-4">
        <p className="text-muted text-sm">
          <Link to="/meetings" className="underline">
            All meetings
          </Link>{" "}
          ·{" "}
          <Link to={`/messages/${meeting.conversationId}`} className="underline">
            Conversation with {other.name}
          </Link>
          {meeting.contractId ? (
            <>
              {" "}
              ·{" "}
              <Link to={`/contracts/${meeting.contractId}`} className="underline">
                Contract
              </Link>
            </>
          ) : null}
        </p>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight">
          <span className="min-w-0 break-words">{meeting.title}</span>
          <Badge tone={MEETING_STATUS_TONE[meeting.status]}>{meetingStatusLabel(meeting, me)}</Badge>
        </h1>
        {answerData?.formError ? <Alert tone="danger">{answerData.formError}</Alert> : null}
        <Card>
          <dl className="grid gap-2 text-sm sm:grid-cols-[9rem_1fr]">
            <dt className="text-muted">When</dt>
            <dd>
              <TimeInBothZones value={meeting.startsAt} other={other} />
            </dd>
            <dt className="text-muted">Length</dt>
            <dd>{meeting.durationMinutes} minutes</dd>
            <dt className="text-muted">With</dt>
            <dd>{other.name}</dd>
            <dt className="text-muted">Proposed by</dt>
            <dd>{meeting.proposedBy === me ? "You" : other.name}</dd>
          </dl>
          <div className="mt-4 flex flex-wrap gap-2">
            {meeting.canJoin ? (
              <Form method="post" action="/calls/start">
                <input type="hidden" name="conversationId" value={meeting.conversationId} />
                <Button type="submit">Join the call</Button>
              </Form>
            ) : null}
            {meeting.status !== "declined" ? (
              <a href={`/api/meetings/${meeting.id}/ics`} download className={buttonClass("secondary")}>
                Add to calendar (.ics)
              </a>
            ) : null}
          </div>
          {meeting.status === "accepted" && !meeting.canJoin && !over ? (
            <p className="text-muted mt-2 text-sm">
              The call opens here 10 minutes before the start. You both get a reminder 15 minutes before.
            </p>
          ) : null}
        </Card>
        {myTurn && !over ? (
          <Card title={`${other.name} proposed this time`} description="Accept it, decline it, or propose another time below.">
            <div className="flex flex-wrap gap-2">
              <Form method="post">
                <Button name="intent" value="accept" disabled={busy}>
                  Accept
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="decline" />
                <ConfirmButton variant="danger" confirm={declineConfirmation(meeting.title)} disabled={busy}>
                  Decline
                </ConfirmButton>
              </Form>
            </div>
          </Card>
        ) : null}
        {meeting.status === "proposed" && !myTurn ? <Alert tone="info">Waiting for {other.name} to answer.</Alert> : null}
        {meeting.status !== "declined" && !over ? (
          <Card title="Propose another time" description={`${other.name} answers the new time again.`}>
            <Form method="post" className="space-y-4">
              <input type="hidden" name="intent" value="reschedule" />
              <MeetingTimeFields
                other={other}
                defaultStart={nextStart}
                defaultDuration={meeting.durationMinutes}
                errors={{ startsAt: answerData?.fields?.startsAt, durationMinutes: answerData?.fields?.durationMinutes }}
              />
              <Button type="submit" variant="secondary" disabled={busy}>
                Propose this time
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MeetingTimeFields } from "~/components/meetings/meeting-time-fields";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { fieldErrors, meetingFields, meetingFormError, type MeetingFormErrors } from "~/utils/meeting-forms.server";
import { meetingPartner, proposeMeeting, proposeMeetingInput } from "~/utils/meetings.server";
import { statedTimeZone } from "~/utils/time-zone.server";
import { MEETING_TITLE_MAX_CHARS } from "../../worker/domain/meetings/rules";
import { dateToZonedWallTime } from "../../worker/domain/time/zoned";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Propose a meeting — MegiLance" }];

const DAY_MS = 24 * 60 * 60 * 1000;

function place(url: URL | FormData) {
  const get = (name: string) => (url instanceof URL ? url.searchParams.get(name) : url.get(name)?.toString()) || undefined;
  return { conversationId: get("conversationId")?.slice(0, 64), contractId: get("contractId")?.slice(0, 64) };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const where = place(new URL(request.url));
  if (!where.conversationId && !where.contractId) throw redirect("/meetings");
  try {
    const found = await meetingPartner(domainFrom(context), viewer, where);
    // Tomorrow at 10:00 in the viewer's zone is a sensible first suggestion.
    const tomorrow = dateToZonedWallTime(new Date(Date.now() + DAY_MS), statedTimeZone(request, viewer.user)).slice(0, 10);
    return { viewer: summarizeViewer(viewer), ...found, where, defaultStart: `${tomorrow}T10:00` };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const parsed = proposeMeetingInput.safeParse({ ...place(form), ...meetingFields(request, form, viewer.user) });
  if (!parsed.success) return data<MeetingFormErrors>({ fields: fieldErrors(parsed.error) }, { status: 422 });
  try {
    const meeting = await proposeMeeting(domainFrom(context), viewer, parsed.data);
    return redirect(`/meetings/${meeting.id}`);
  } catch (error) {
    return meetingFormError(error);
  }
}

export default function ProposeMeetingPage() {
  const { viewer, partner, where, defaultStart, conversationId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const fields = answer?.fields ?? {};
  return (
    <PortalShell title="Propose a meeting" viewer={viewer}>
      <div className="max-w-2xl space-y-4">
        <p className="text-muted text-sm">
          <Link to={`/messages/${conversationId}`} className="underline">
            Back to the conversation with {partner.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">Propose a meeting with {partner.name}</h1>
        {answer?.formError ? <Alert tone="danger">{answer.formError}</Alert> : null}
        <Card>
          <Form method="post" className="space-y-4">
            {where.conversationId ? <input type="hidden" name="conversationId" value={where.conversationId} /> : null}
            {where.contractId ? <input type="hidden" name="contractId" value={where.contractId} /> : null}
            <Field
              label="Title"
              errors={fields.title}
              inputProps={{
                id: "meeting-title",
                name: "title",
                required: true,
                maxLength: MEETING_TITLE_MAX_CHARS,
                defaultValue: "Catch-up call",
              }}
            />
            <MeetingTimeFields
              other={partner}
              defaultStart={defaultStart}
              errors={{ startsAt: fields.startsAt, durationMinutes: fields.durationMinutes }}
            />
            <p className="text-muted text-sm">
              {partner.name} can accept, decline or propose another time. Once accepted, you both get a calendar invitation and a reminder
              15 minutes before.
            </p>
            <Button type="submit" disabled={navigation.state !== "idle"}>
              Send the proposal
            </Button>
          </Form>
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SUPPORT_STATUSES, type SupportStatus } from "../../db/schema/values";
import { getTicket, replyToTicket, updateTicket } from "../../worker/domain/support/tickets";
import { RouteError } from "~/components/route-error";
import { ReplyForm, STATUS_LABEL, TicketStatus, TicketThread } from "~/components/support/ticket-thread";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireRole } from "~/utils/auth.server";
import { AppError, domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import { text, uploadFormAttachments } from "~/utils/support.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  try {
    return { ...(await getTicket(domainFrom(context), viewer.user, params.id ?? "")), me: viewer.user.id };
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const id = params.id ?? "";
  const form = await request.formData();
  const ctx = domainFrom(context);
  try {
    switch (text(form, "intent")) {
      case "assign-me":
        await updateTicket(ctx, viewer.user, id, { assigneeId: viewer.user.id });
        break;
      case "unassign":
        await updateTicket(ctx, viewer.user, id, { assigneeId: null });
        break;
      case "status": {
        const status = text(form, "status");
        if (!(SUPPORT_STATUSES as readonly string[]).includes(status)) return data({ error: "Choose a status." }, { status: 422 });
        await updateTicket(ctx, viewer.user, id, { status: status as SupportStatus });
        break;
      }
      default: {
        const body = text(form, "body").trim();
        if (!body) return data({ error: "Write a reply first." }, { status: 422 });
        const attachments = await uploadFormAttachments(context, viewer.user, form);
        await replyToTicket(ctx, viewer.user, id, { body: body.slice(0, 10_000), attachments });
      }
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throwIfNotFound(error);
    return data({ error: messageOf(error) }, { status: error.status });
  }
  return redirect(`/admin/support/${id}`);
}

export default function AdminTicketPage() {
  const { ticket, messages, me } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link to="/admin/support" className="text-sm underline">
          Support queue
        </Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight">
          {ticket.subject} <TicketStatus status={ticket.status} />
        </h1>
        <p className="text-muted mt-1 text-sm">
          From {ticket.requester.name} · {ticket.category} · {ticket.assignee ? `assigned to ${ticket.assignee.name}` : "nobody assigned"}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <Form method="post">
          {ticket.assignee?.id === me ? (
            <Button name="intent" value="unassign" variant="secondary">
              Unassign me
            </Button>
          ) : (
            <Button name="intent" value="assign-me" variant="secondary">
              Assign to me
            </Button>
          )}
        </Form>
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="status" />
          <div>
            <label htmlFor="ticket-status" className="block text-sm font-medium">
              Status
            </label>
            <select
              id="ticket-status"
              name="status"
              defaultValue={ticket.status}
              className="border-subtle surface mt-1 rounded-control border px-3 py-2"
            >
              {SUPPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary">Set status</Button>
        </Form>
      </div>
      <Card>
        <TicketThread messages={messages} />
      </Card>
      <Card title="Answer" description="The requester gets the answer by email and in their notifications.">
        <ReplyForm error={failed?.error} label="Answer" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

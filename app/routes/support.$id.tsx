import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getTicket, replyToTicket, updateTicket } from "../../worker/domain/support/tickets";
import { RouteError } from "~/components/route-error";
import { ReplyForm, TicketStatus, TicketThread } from "~/components/support/ticket-thread";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import { text, uploadFormAttachments } from "~/utils/support.server";

async function load(context: LoaderFunctionArgs["context"], user: Parameters<typeof getTicket>[1], id: string) {
  try {
    return await getTicket(domainFrom(context), user, id);
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return load(context, viewer.user, params.id ?? "");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const { ticket } = await load(context, viewer.user, params.id ?? "");
  const form = await request.formData();
  try {
    if (text(form, "intent") === "close") {
      await updateTicket(domainFrom(context), viewer.user, ticket.id, { status: "closed" });
    } else {
      const body = text(form, "body").trim();
      if (!body) return data({ error: "Write a reply first." }, { status: 422 });
      const attachments = await uploadFormAttachments(context, viewer.user, form);
      await replyToTicket(domainFrom(context), viewer.user, ticket.id, { body: body.slice(0, 10_000), attachments });
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ error: messageOf(error) }, { status: error.status });
  }
  return redirect(`/support/${ticket.id}`);
}

export default function SupportTicketPage() {
  const { ticket, messages } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link to="/support" className="text-sm underline">
          All your tickets
        </Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight">
          {ticket.subject} <TicketStatus status={ticket.status} />
        </h1>
      </div>
      <Card>
        <TicketThread messages={messages} />
      </Card>
      <Card title={ticket.status === "closed" ? "Reply to open it again" : "Reply"}>
        <ReplyForm error={failed?.error} />
      </Card>
      {ticket.status !== "closed" ? (
        <Form method="post">
          <Button name="intent" value="close" variant="secondary">
            Close this ticket
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SUPPORT_CATEGORIES } from "../../db/schema/values";
import { listTickets, openTicket } from "../../worker/domain/support/tickets";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { TicketStatus } from "~/components/support/ticket-thread";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { cx } from "~/components/ui/cx";
import { EmptyState } from "~/components/ui/empty-state";
import { Field, inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import { text, uploadFormAttachments } from "~/utils/support.server";

const CATEGORY_LABELS: Record<(typeof SUPPORT_CATEGORIES)[number], string> = {
  account: "My account",
  payments: "Payments and payouts",
  contract: "A contract",
  dispute: "A dispute",
  bug: "Something is broken",
  other: "Something else",
};

const newTicket = z.object({
  category: z.enum(SUPPORT_CATEGORIES, { message: "Choose what it is about." }),
  subject: z.string().trim().min(3, "Give the ticket a subject of at least 3 characters.").max(200),
  description: z.string().trim().min(10, "Describe the problem in at least 10 characters.").max(10_000),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 500) || undefined;
  try {
    return await listTickets(domainFrom(context), viewer.user, { scope: "mine", cursor, limit: 20 });
  } catch (error) {
    if (error instanceof AppError && error.status === 400) throw redirect("/support");
    throw error;
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const parsed = newTicket.safeParse({
    category: text(form, "category"),
    subject: text(form, "subject"),
    description: text(form, "description"),
  });
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Check the form." }, { status: 422 });
  try {
    const attachments = await uploadFormAttachments(context, viewer.user, form);
    const { ticket } = await openTicket(domainFrom(context), viewer.user, { ...parsed.data, attachments });
    return redirect(`/support/${ticket.id}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ error: messageOf(error) }, { status: error.status });
  }
}

export default function SupportHome() {
  const { items, nextCursor } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Help and support</h1>
        <p className="text-muted mt-1">
          Ask us anything about your account, payments or contracts. We answer by email and here.{" "}
          <Link to="/help/job-success" className="underline">
            How job success is calculated
          </Link>
        </p>
      </div>
      <Card title="Open a ticket">
        <Form method="post" encType="multipart/form-data" className="space-y-4">
          {failed?.error ? <Alert tone="danger">{failed.error}</Alert> : null}
          <div>
            <label htmlFor="ticket-category" className="block text-sm font-medium">
              What is it about?
            </label>
            <select id="ticket-category" name="category" required className={cx(inputClass, "mt-1")} defaultValue="">
              <option value="" disabled>
                Choose a topic
              </option>
              {SUPPORT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <Field label="Subject" inputProps={{ id: "ticket-subject", name: "subject", required: true, minLength: 3, maxLength: 200 }} />
          <div>
            <label htmlFor="ticket-description" className="block text-sm font-medium">
              Describe the problem
            </label>
            <textarea
              id="ticket-description"
              name="description"
              required
              minLength={10}
              maxLength={10_000}
              rows={5}
              className={cx(inputClass, "mt-1")}
            />
          </div>
          <div>
            <label htmlFor="ticket-files" className="block text-sm font-medium">
              Attach files (PDF or images, optional)
            </label>
            <input id="ticket-files" name="attachments" type="file" multiple accept="application/pdf,image/*" className="mt-1 text-sm" />
          </div>
          <Button>Send to support</Button>
        </Form>
      </Card>
      <Card title="Your tickets">
        {items.length === 0 ? (
          <EmptyState title="No tickets yet">Tickets you open appear here with their status.</EmptyState>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="Your tickets">
            {items.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link to={`/support/${t.id}`} className="font-semibold underline">
                    {t.subject}
                  </Link>
                  <p className="text-muted text-xs">
                    {CATEGORY_LABELS[t.category]} · updated <LocalTime value={t.updatedAt} />
                  </p>
                </div>
                <TicketStatus status={t.status} />
              </li>
            ))}
          </ul>
        )}
        <CursorPager nextCursor={nextCursor} label="More tickets" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

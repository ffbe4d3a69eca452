import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { hoursText } from "~/components/hourly/format";
import { TimerCard } from "~/components/hourly/timer";
import { TimesheetList, timesheetConfirmation } from "~/components/hourly/timesheet-list";
import { ConfirmationPage, usePendingConfirmation } from "~/components/ui/confirm";
import { confirmationNeeded } from "~/utils/confirm.server";
import { CursorPager } from "~/components/marketplace/pager";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { AppError, domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import { loadTimePage, runTimeIntent, timeIntentSchema } from "~/utils/hourly.server";
import { formatMoney } from "~/utils/money";
import { addDays } from "../../worker/domain/time/weeks";
import { formatDay } from "../../worker/domain/time/format";
import { zoneLabel } from "../../worker/domain/time/zones";

export const handle = { portal: true };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Time — ${loaded?.page.contract.title ?? "Contract"} — MegiLance` },
];

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throwIfNotFound(error);
    if (error instanceof AppError && error.code === "invalid_state") throw new Response(error.message, { status: 409 });
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const search = new URL(request.url).searchParams;
  const page = await guarded(() => loadTimePage(domainFrom(context), viewer.user.id, params.id ?? "", search));
  return { viewer: summarizeViewer(viewer), page, serverNow: new Date().toISOString(), today: page.contract.today };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const id = params.id ?? "";
  const form = await request.formData();
  const parsed = timeIntentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Check the form and try again." }, { status: 422 });
  const unconfirmed = confirmationNeeded(form, ["approve"]);
  if (unconfirmed) return unconfirmed;
  try {
    const done = await guarded(() => runTimeIntent(domainFrom(context), viewer.user, id, parsed.data));
    // A stop that recorded less than ran (or nothing) says why, on the page itself.
    if (done && typeof done === "object" && "notice" in done && done.notice) return data({ notice: done.notice });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ error: messageOf(error) }, { status: error.status });
  }
  const back = new URL(request.url);
  return redirect(`/contracts/${id}/time${back.search}`);
}

export default function TimePage() {
  const { viewer, page, serverNow, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = answer && "error" in answer ? answer : null;
  const pending = usePendingConfirmation();
  const { contract: c, role, entries, sheets } = page;
  const week = entries.week;
  const freelancer = role === "freelancer";
  const active = c.status === "active";
  const canLog = freelancer && active && week.open;
  const pendingSheet = pending ? sheets.items.find((t) => t.id === pending.values.timesheetId) : null;
  if (pending && pendingSheet) {
    return (
      <PortalShell title="Time" viewer={viewer}>
        <ConfirmationPage confirmation={timesheetConfirmation(pendingSheet)} pending={pending} />
      </PortalShell>
    );
  }
  return (
    <PortalShell title="Time" viewer={viewer}>
      <div className="max-w-4xl space-y-6">
        <div>
          <p className="text-muted text-sm">
            <Link to={`/contracts/${c.id}`} className="underline">
              Back to the contract
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">Time on {c.title}</h1>
          <p className="text-muted mt-1 text-sm">
            {formatMoney(c.hourlyRate, c.currency)} per hour ·{" "}
            {c.weeklyHourLimit ? `${c.weeklyHourLimit}-hour weekly limit` : "no weekly limit"} · weeks run Monday to Sunday in{" "}
            {freelancer ? "your" : "the freelancer's"} time zone ({zoneLabel(c.weekZone)})
          </p>
        </div>
        {failed && "error" in failed ? <Alert tone="danger">{failed.error}</Alert> : null}
        {answer && "notice" in answer ? <Alert tone="warning">{answer.notice}</Alert> : null}
        {entries.timerNotice ? <Alert tone="warning">{entries.timerNotice}</Alert> : null}
        {entries.logNext ? (
          <Alert tone="info">
            {week.label} is {week.timesheet?.status ?? "closed"}: its time can no longer change.{" "}
            {entries.logNext.from ? (
              <>
                Time worked from Monday {formatDay(entries.logNext.from)} goes in{" "}
                <Link className="underline" to={`?week=${entries.logNext.weekStart}`}>
                  week {entries.logNext.label}
                </Link>
              </>
            ) : (
              <>
                Time you work now goes in{" "}
                <Link className="underline" to={`?week=${entries.logNext.weekStart}`}>
                  week {entries.logNext.label}
                </Link>
              </>
            )}
            {entries.logNext.remainingMinutes === null ? "." : `, which has ${hoursText(entries.logNext.remainingMinutes)} left.`}
          </Alert>
        ) : null}

        <Card
          title={`Week ${week.label}`}
          description={`${week.weekStart} to ${addDays(week.weekStart, 6)}`}
          actions={
            <nav aria-label="Weeks" className="flex gap-2 text-sm">
              <Link className="underline" to={`?week=${addDays(week.weekStart, -7)}`}>
                Previous week
              </Link>
              <Link className="underline" to={`?week=${addDays(week.weekStart, 7)}`}>
                Next week
              </Link>
            </nav>
          }
        >
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted">Logged</dt>
              <dd className="text-lg font-semibold">{hoursText(week.minutes)}</dd>
            </div>
            <div>
              <dt className="text-muted">Remaining this week</dt>
              <dd className="text-lg font-semibold">{week.remainingMinutes === null ? "No limit" : hoursText(week.remainingMinutes)}</dd>
            </div>
            <div>
              <dt className="text-muted">Worth</dt>
              <dd className="text-lg font-semibold">{formatMoney(Math.round((week.minutes * c.hourlyRate) / 60), c.currency)}</dd>
            </div>
          </dl>

          {freelancer && active ? (
            <div className="border-subtle mt-5 border-t pt-5">
              <h3 className="mb-3 font-semibold">Timer</h3>
              <TimerCard running={entries.runningTimer} serverNow={serverNow} canStart={week.open && week.remainingMinutes !== 0} />
            </div>
          ) : null}

          {canLog ? (
            <Form
              method="post"
              className="border-subtle mt-5 grid gap-3 border-t pt-5 sm:grid-cols-[10rem_5rem_5rem_1fr_auto] sm:items-end"
            >
              <input type="hidden" name="intent" value="add" />
              <Field
                label="Date"
                inputProps={{ id: "add-date", name: "date", type: "date", required: true, max: today, defaultValue: today }}
              />
              <Field
                label="Hours"
                inputProps={{ id: "add-hours", name: "hours", type: "number", min: 0, max: 24, defaultValue: 1, required: true }}
              />
              <Field
                label="Minutes"
                inputProps={{ id: "add-minutes", name: "minutes", type: "number", min: 0, max: 59, defaultValue: 0, required: true }}
              />
              <Field label="Memo" inputProps={{ id: "add-memo", name: "memo", maxLength: 1000 }} />
              <Button variant="secondary">Log time</Button>
            </Form>
          ) : null}

          <h3 className="mt-6 mb-2 font-semibold">Entries</h3>
          {entries.items.length ? (
            <ul className="divide-subtle divide-y text-sm">
              {entries.items.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{e.date}</span> · {e.running ? "running" : hoursText(e.minutes)}
                    {e.memo ? ` · ${e.memo}` : ""} <span className="text-muted">({e.source === "timer" ? "timer" : "by hand"})</span>
                  </span>
                  {freelancer && week.open && !e.running ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="entryId" value={e.id} />
                      <Button size="sm" variant="ghost" aria-label={`Delete the entry of ${e.date}, ${hoursText(e.minutes)}`}>
                        Delete
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted text-sm">No time logged this week.</p>
          )}
          <CursorPager nextCursor={entries.nextCursor} label="More entries" />

          {freelancer && active && week.open && week.minutes > 0 ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="submit" />
              <input type="hidden" name="week" value={week.weekStart} />
              <Button>
                Submit {week.label} for approval ({hoursText(week.minutes)})
              </Button>
            </Form>
          ) : null}
        </Card>

        <Card title="Timesheets" description="Approved weeks are charged to the client and paid to the freelancer, less the platform fee.">
          <TimesheetList items={sheets.items} role={role} contractActive={active} />
          {sheets.nextCursor ? (
            <p className="mt-3 text-sm">
              <Link className="underline" to={`?sheets=${sheets.nextCursor}`}>
                Older timesheets
              </Link>
            </p>
          ) : null}
          <p className="mt-4 text-sm">
            <Link className="underline" to={`/invoices?contractId=${c.id}`}>
              Invoices for this contract
            </Link>
          </p>
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { bidAmountText, daysText, weeklyHoursText } from "../../worker/domain/proposals/bid-text";
import { getMyProposal } from "../../worker/domain/proposals/mine";
import { editProposal, withdrawProposal } from "../../worker/domain/proposals/send";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { bidInMinorUnits } from "~/components/marketplace/project-actions.server";
import { ProjectStatusBadge } from "~/components/marketplace/project-status-badge";
import {
  EditProposalForm,
  proposalPageSchema,
  withdrawConfirmation,
  WithdrawProposalForm,
} from "~/components/proposals/edit-proposal-form";
import { stageLabel } from "~/components/proposals/labels";
import { ProposalHistory } from "~/components/proposals/proposal-history";
import { AboutClientCard } from "~/components/clients/about-client";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmationPage, usePendingConfirmation } from "~/components/ui/confirm";
import { requireRole } from "~/utils/auth.server";
import { confirmationNeeded } from "~/utils/confirm.server";
import { domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { formatMoney, formatMoneyRange, toMajorText } from "~/utils/money";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Proposal: ${loaded?.proposal.project?.title ?? "Project"} — MegiLance` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  return orErrorPage(getMyProposal(domainFrom(context), viewer.user, params.id ?? ""));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const ctx = domainFrom(context);
  const { proposal } = await orErrorPage(getMyProposal(ctx, viewer.user, params.id ?? ""));
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: proposalPageSchema(proposal.project?.budgetType ?? "fixed") });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const unconfirmed = confirmationNeeded(form, ["withdraw"]);
  if (unconfirmed) return unconfirmed;
  try {
    if (submission.value.intent === "withdraw") {
      await withdrawProposal(ctx, viewer.user, proposal.id);
      return redirect(`/freelancer/proposals/${proposal.id}?done=withdrawn`);
    }
    const { coverLetter, bidAmount, estimatedDays, weeklyHours } = submission.value;
    await editProposal(ctx, viewer.user, proposal.id, {
      coverLetter,
      bidAmount: bidInMinorUnits(bidAmount, proposal.currency),
      estimatedDays: estimatedDays ?? undefined,
      weeklyHours: weeklyHours ?? undefined,
    });
    return redirect(`/freelancer/proposals/${proposal.id}?done=edited`);
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

const DONE: Record<string, string> = { edited: "Your changes are saved.", withdrawn: "Your proposal is withdrawn." };

export default function MyProposalPage() {
  const { proposal: p, project, history, client, canChange } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const pending = usePendingConfirmation();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const title = p.project?.title ?? "Project";
  const badge = stageLabel(p.stage, p.contract?.status ?? null);
  const budgetType = p.project?.budgetType ?? "fixed";
  if (pending) {
    return <ConfirmationPage pending={pending} confirmation={withdrawConfirmation(title)} />;
  }
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-muted text-sm">
          <Link to="/freelancer/proposals" className="underline">
            My proposals
          </Link>
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight">
          <span className="min-w-0 break-words">{title}</span> <Badge tone={badge.tone}>{badge.label}</Badge>
        </h1>
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {p.contract?.status === "offered" ? (
        <Alert tone="warning" title="The client sent you an offer">
          Read its terms, then accept or decline it.{" "}
          <Link to={`/contracts/${p.contract.id}`} className="font-semibold underline">
            Open the offer
          </Link>
        </Alert>
      ) : p.contract ? (
        <Alert tone={p.contract.status === "active" ? "success" : "info"}>
          {p.contract.status === "active" ? "You are hired on this project." : "This proposal led to a contract."}{" "}
          <Link to={`/contracts/${p.contract.id}`} className="font-semibold underline">
            Open the contract
          </Link>
        </Alert>
      ) : null}
      {p.stage === "declined" ? (
        <Alert tone="danger" title="The client declined this proposal">
          {p.declineReason ? `Their reason: ${p.declineReason}` : "They did not give a reason."}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <Card title="Your proposal">
            <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-muted">{budgetType === "hourly" ? "Hourly rate" : "Bid"}</dt>
              <dd className="font-semibold">{bidAmountText(p, budgetType)}</dd>
              {budgetType === "hourly" ? (
                <>
                  <dt className="text-muted">Hours per week</dt>
                  <dd>{p.weeklyHours !== null ? weeklyHoursText(p.weeklyHours) : "Not given"}</dd>
                </>
              ) : null}
              {p.estimatedDays !== null ? (
                <>
                  <dt className="text-muted">{budgetType === "hourly" ? "Expected length" : "Estimated time"}</dt>
                  <dd>{daysText(p.estimatedDays)}</dd>
                </>
              ) : null}
            </dl>
            {p.milestones?.length ? (
              <ul className="mt-3 list-disc pl-5 text-sm" aria-label="Milestone plan">
                {p.milestones.map((m, i) => (
                  <li key={i}>
                    {m.title}: {formatMoney(m.amount, p.currency)}
                  </li>
                ))}
              </ul>
            ) : null}
            <h3 className="mt-4 text-sm font-semibold">Cover letter</h3>
            <p className="mt-1 whitespace-pre-line break-words text-sm">{p.coverLetter}</p>
          </Card>
          {canChange ? (
            <Card title="Change your proposal" description="You can edit or withdraw it until the client decides.">
              <EditProposalForm
                currency={p.currency}
                budgetType={budgetType}
                defaultValue={{
                  coverLetter: p.coverLetter,
                  bidAmount: toMajorText(p.bidAmount, p.currency),
                  estimatedDays: p.estimatedDays,
                  weeklyHours: p.weeklyHours,
                }}
                lastResult={answer && "result" in answer ? answer.result : undefined}
              />
              <div className="border-subtle mt-6 border-t pt-4">
                <WithdrawProposalForm projectTitle={title} />
              </div>
            </Card>
          ) : null}
          {client ? <AboutClientCard about={client} /> : null}
        </div>
        <div className="space-y-6">
          <Card title="The project">
            {project ? (
              <div className="space-y-2 text-sm">
                <p className="break-words font-semibold">
                  <Link to={`/projects/${project.id}`} className="hover:underline">
                    {project.title}
                  </Link>
                </p>
                <ProjectStatusBadge status={project.status} />
                <p>
                  {formatMoneyRange(project.budgetMin, project.budgetMax, project.currency)}
                  {project.budgetType === "hourly" ? " per hour" : ""}
                </p>
                <p className="text-muted">Posted by {project.client.name}</p>
                <Link to={`/projects/${project.id}`} className={buttonClass("secondary", "sm")}>
                  View the project
                </Link>
              </div>
            ) : (
              <p className="text-muted text-sm">This project is no longer shown.</p>
            )}
          </Card>
          <Card title="Status history">
            <ProposalHistory entries={history} />
          </Card>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

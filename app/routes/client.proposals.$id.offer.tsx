import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { offerBlocker, requireProposalToHireOn, sendOffer } from "../../worker/domain/contracts/offer";
import { offerFormSchema } from "../../worker/domain/contracts/offer-input";
import { bidText } from "../../worker/domain/proposals/bid-text";
import { loadProposalView } from "../../worker/domain/proposals/views";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { offerConfirmation } from "~/components/offers/offer-confirmation";
import { OfferForm, type OfferDefaults } from "~/components/offers/offer-form";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmationPage, usePendingConfirmation } from "~/components/ui/confirm";
import { requireRole } from "~/utils/auth.server";
import { isConfirmed, askToConfirm } from "~/utils/confirm.server";
import { domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { toMajorText } from "~/utils/money";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Hire ${loaded?.proposal.freelancer.name ?? "a freelancer"} — MegiLance` },
];

async function hiring(request: Request, context: LoaderFunctionArgs["context"], proposalId: string) {
  const viewer = await requireRole(request, context, "client");
  const ctx = domainFrom(context);
  const row = await orErrorPage(requireProposalToHireOn(ctx, viewer.user, proposalId));
  return { viewer, ctx, ...row };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx, proposal, project } = await hiring(request, context, params.id ?? "");
  const view = await loadProposalView(ctx, proposal);
  const blocker = offerBlocker(proposal, project);
  const bid = toMajorText(proposal.bidAmount, proposal.currency);
  const today = new Date().toISOString().slice(0, 10);
  const defaults: OfferDefaults = {
    title: project.title,
    type: project.budgetType,
    milestones: proposal.milestones?.length
      ? proposal.milestones.map((m) => ({ title: m.title, amount: toMajorText(m.amount, proposal.currency) }))
      : [{ title: project.budgetType === "fixed" ? "Complete the work" : "", amount: project.budgetType === "fixed" ? bid : "" }],
    hourlyRate: project.budgetType === "hourly" ? bid : "",
    // The hours a week the freelancer offered become the offer's weekly limit (an older bid without them: 40).
    weeklyHourLimit: project.budgetType === "hourly" ? String(proposal.weeklyHours ?? 40) : "",
    startDate: today,
    message: "",
  };
  return {
    proposal: view,
    project: { id: project.id, title: project.title, budgetType: project.budgetType, currency: project.currency, status: project.status },
    blocked: blocker ? { code: blocker.code, message: blocker.message } : null,
    defaults,
    today,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, ctx, proposal } = await hiring(request, context, params.id ?? "");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: offerFormSchema(proposal.currency) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: submission.status ? 400 : 200 });
  // The review: nothing is sent until the client confirms what the freelancer will be asked to accept.
  if (!isConfirmed(form)) return askToConfirm(form);
  try {
    const contract = await sendOffer(ctx, viewer.user, proposal.id, submission.value);
    return redirect(`/client/contracts?tab=offered&sent=${contract.id}`);
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

export default function HirePage() {
  const { proposal: p, project, blocked, defaults, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const pending = usePendingConfirmation();
  const offer = { freelancerName: p.freelancer.name, currency: project.currency };
  if (pending) return <ConfirmationPage confirmation={offerConfirmation(pending.values, offer)} pending={pending} />;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-muted text-sm">
          <Link to={`/projects/${project.id}#proposals`} className="underline">
            {project.title}
          </Link>
        </p>
        <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">Hire {p.freelancer.name}</h1>
        <p className="text-muted mt-1">
          Make an offer: the terms, when work starts and a message. You review it before it is sent; {p.freelancer.name} then accepts or
          declines.
        </p>
      </div>
      <Card title="Their proposal">
        <p className="text-sm">Bid {bidText(p, project.budgetType)}</p>
        <p className="mt-2 line-clamp-4 whitespace-pre-line break-words text-sm">{p.coverLetter}</p>
      </Card>
      {blocked ? (
        <Alert tone="warning" title="You cannot make an offer on this proposal now">
          <p>{blocked.message}</p>
          <p className="mt-2">
            <Link
              to={blocked.code === "project_closed" ? `/projects/${project.id}` : "/client/contracts"}
              className={buttonClass("secondary", "sm")}
            >
              {blocked.code === "project_closed" ? "Go to the project" : "Go to your contracts"}
            </Link>
          </p>
        </Alert>
      ) : (
        <Card title="Your offer">
          <OfferForm
            offer={offer}
            defaultValue={defaults}
            today={today}
            lastResult={answer && "result" in answer ? answer.result : undefined}
          />
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

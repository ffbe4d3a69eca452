import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getProject } from "../../worker/domain/projects/projects";
import { getProjectPage } from "../../worker/domain/proposals/on-project";
import { listProjectProposals } from "../../worker/domain/proposals/list";
import { PROJECT_STATUS_LABELS, takesProposals } from "../../worker/domain/projects/status";
import { MyProposalCard } from "~/components/marketplace/my-proposal-card";
import { matchFreelancers } from "../../worker/domain/matching/matches";
import { ProjectMatches } from "~/components/matching/project-matches";
import { contractHref } from "~/components/marketplace/contract-link";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { BUDGET_TYPE_LABELS, EXPERIENCE_LABELS } from "~/components/marketplace/labels";
import { runProjectIntent } from "~/components/marketplace/project-actions.server";
import { projectPageSchema } from "~/components/marketplace/project-intents";
import { ProjectLifecycleCard } from "~/components/marketplace/project-lifecycle";
import { ProjectStatusBadge } from "~/components/marketplace/project-status-badge";
import { ProposalForm } from "~/components/marketplace/proposal-form";
import { ProposalsList } from "~/components/marketplace/proposals-list";
import { AboutClientCard } from "~/components/clients/about-client";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { formatMoneyRange } from "~/utils/money";
import { getViewer } from "~/utils/session.server";
import { formatCounted } from "~/utils/count";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.project.title} — MegiLance` : "Project — MegiLance" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const ctx = domainFrom(context);
  // The project, the viewer's own proposal on it and about its client: one round trip.
  const { project, ownProposal, client } = await orErrorPage(getProjectPage(ctx, params.id ?? "", viewer?.user ?? null));
  const isOwner = viewer?.user.id === project.clientId;
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 500) || undefined;
  const proposals = isOwner && viewer ? await orErrorPage(listProjectProposals(ctx, viewer.user, project.id, { cursor })) : null;
  const open = takesProposals(project.status);
  const matches = isOwner && viewer && open ? (await matchFreelancers(ctx, viewer.user, project.id)).matches : null;
  const freelancer = Boolean(viewer && !isOwner && viewer.user.roles.includes("freelancer"));
  // One proposal per freelancer and project: once sent (or hired), the page links to it instead of showing a form.
  const mine = freelancer ? ownProposal : null;
  return {
    project,
    client,
    isOwner,
    signedIn: Boolean(viewer),
    canPropose: freelancer && open && !project.moderation && !mine,
    mine,
    proposals,
    matches,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const ctx = domainFrom(context);
  const project = await orErrorPage(getProject(ctx, params.id ?? "", viewer.user));
  const submission = parseWithZod(await request.formData(), { schema: projectPageSchema(project.budgetType) });
  if (submission.status !== "success") return data({ result: submission.reply(), outcome: null }, { status: 400 });
  try {
    const outcome = await runProjectIntent(ctx, viewer.user, project, submission.value);
    return { result: submission.reply({ resetForm: true }), outcome };
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

export default function ProjectPage() {
  const { project, client, isOwner, signedIn, canPropose, mine, proposals, matches } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const outcome = answer && "outcome" in answer ? answer.outcome : null;
  const failed = answer && !outcome && answer.result?.error?.[""]?.length ? answer.result.error[""] : null;
  const sendFailed = answer && !outcome && answer.result?.initialValue?.intent === "send-proposal";
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-muted text-sm">
          <Link to="/projects" className="hover:underline">
            Projects
          </Link>{" "}
          / {project.categoryName}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{project.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <ProjectStatusBadge status={project.status} />
          <span className="text-muted">
            Posted by {project.client.name} · <LocalTime value={project.createdAt} />
          </span>
        </div>
      </div>
      {project.moderation ? (
        <Alert tone="warning" title="A moderator hid this project">
          Since <LocalTime value={project.moderation.hiddenAt} /> it does not show in search or recommendations, and only its owner and
          admins can open it. Reason: {project.moderation.reason}
        </Alert>
      ) : null}
      {outcome ? (
        <Alert tone="success">
          {outcome.notice}
          {outcome.intent === "accept" ? (
            <>
              {" "}
              Contract <span className="font-mono">{outcome.contractId}</span>.{" "}
              <Link to={contractHref(outcome.contractId)} className="font-medium underline">
                Open the contract
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {failed && !sendFailed ? <Alert tone="danger">{failed.join(" ")}</Alert> : null}
      <Card title="About the project">
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-muted">Budget</dt>
            <dd className="font-semibold">
              {formatMoneyRange(project.budgetMin, project.budgetMax, project.currency)}
              {project.budgetType === "hourly" ? " per hour" : ""}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Type</dt>
            <dd>{BUDGET_TYPE_LABELS[project.budgetType]}</dd>
          </div>
          <div>
            <dt className="text-muted">Experience</dt>
            <dd>{EXPERIENCE_LABELS[project.experienceLevel]}</dd>
          </div>
        </dl>
        <p className="mt-4 whitespace-pre-line">{project.description}</p>
        <h3 className="mt-4 text-sm font-semibold">Skills</h3>
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Skills">
          {project.skills.map((skill) => (
            <li key={skill.slug}>
              <Badge>{skill.name}</Badge>
            </li>
          ))}
        </ul>
        <p className="text-muted mt-4 text-sm">
          {formatCounted(project.proposalCount, project.proposalCountCapped, "proposal", "proposals")} so far
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          {signedIn && !isOwner ? (
            <Form method="post">
              <Button name="intent" value={outcome?.intent === "save" ? "unsave" : "save"} variant="secondary" size="sm">
                {outcome?.intent === "save" ? "Remove from saved" : "Save project"}
              </Button>
            </Form>
          ) : null}
          {isOwner ? (
            <Link to={`/client/projects/${project.id}/edit`} className={buttonClass("secondary", "sm")}>
              Edit or close the project
            </Link>
          ) : null}
        </div>
      </Card>
      {client ? <AboutClientCard about={client} /> : null}
      {mine ? (
        <Alert
          title={
            mine.contract
              ? mine.contract.status === "offered"
                ? "You have an offer on this project"
                : "You were hired on this project"
              : "You sent a proposal"
          }
        >
          <Link to={`/freelancer/proposals/${mine.id}`} className="font-medium underline">
            View your proposal
          </Link>
          {mine.contract ? (
            <>
              {" · "}
              <Link to={`/contracts/${mine.contract.id}`} className="font-medium underline">
                {mine.contract.status === "offered" ? "Open the offer" : "Open the contract"}
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {!mine && !isOwner && signedIn && !takesProposals(project.status) ? (
        <Alert>This project is {PROJECT_STATUS_LABELS[project.status].toLowerCase()} and takes no proposals.</Alert>
      ) : null}
      {isOwner ? <ProjectLifecycleCard status={project.status} /> : null}
      {mine ? <MyProposalCard proposal={mine} clientName={project.client.name} /> : null}
      {canPropose && outcome?.intent !== "send-proposal" ? (
        <ProposalForm currency={project.currency} budgetType={project.budgetType} lastResult={sendFailed ? answer?.result : undefined} />
      ) : null}
      {!signedIn && takesProposals(project.status) ? (
        <Alert>
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/projects/${project.id}`)}`} className="font-medium underline">
            Sign in
          </Link>{" "}
          as a freelancer to send a proposal.
        </Alert>
      ) : null}
      {proposals ? (
        <div id="proposals">
          <ProposalsList
            proposals={proposals.items}
            total={proposals.total}
            nextCursor={proposals.nextCursor}
            canHire={takesProposals(project.status)}
          />
        </div>
      ) : null}
      {matches ? <ProjectMatches projectId={project.id} matches={matches} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}

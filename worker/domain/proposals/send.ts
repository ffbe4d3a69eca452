import { and, asc, count, eq, gt } from "drizzle-orm";
import { proposals, type Project, type Proposal, type User } from "../../../db/schema";
import { requireVerifiedEmail } from "../auth/accounts";
import type { DomainContext } from "../context";
import { takesProposals } from "../projects/status";
import { AppError } from "../errors";
import { requireOwnedFiles, scopeFilesStatement } from "../shared/file-records";
import { notify } from "../notifications/notify";
import { requireActorRole, requireVisibleProject } from "../projects/access";
import { parseInput } from "../shared/validate";
import { requireOwnProposal, requireUndecided } from "./access";
import { proposalEventStatement } from "./history";
import { bidTermsSchema, proposalInputSchema, proposalPatchSchema, type BidTerms, type ProposalInput, type ProposalPatch } from "./input";
import { checkCoverLetter } from "./quality";
import { loadProposalView, type ProposalView } from "./views";

export const PROPOSALS_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

function checkMilestones(project: Project, bidAmount: number, milestones: Proposal["milestones"] | undefined): void {
  if (!milestones || milestones.length === 0) return;
  if (project.budgetType !== "fixed") {
    throw new AppError(422, "milestones_not_allowed", "Milestones are for fixed-price projects.", {
      milestones: ["Only fixed-price projects take a milestone plan."],
    });
  }
  const total = milestones.reduce((sum, m) => sum + m.amount, 0);
  if (total !== bidAmount) {
    throw new AppError(422, "milestones_mismatch", "The milestones must add up to the bid.", {
      milestones: [`They add up to ${total}, but the bid is ${bidAmount}.`],
    });
  }
}

/** The bid's days or weekly hours, checked against the project's budget type (see bidTermsSchema). */
function checkBidTerms(project: Project, terms: { estimatedDays?: number | null; weeklyHours?: number | null }): BidTerms {
  const parsed = parseInput(bidTermsSchema(project.budgetType), terms);
  return { estimatedDays: parsed.estimatedDays ?? null, weeklyHours: parsed.weeklyHours ?? null };
}

/** Spam guard: at most PROPOSALS_PER_DAY proposals in any 24 hours. */
async function checkDailyLimit(ctx: DomainContext, freelancerId: string): Promise<void> {
  const since = new Date(ctx.clock.now().getTime() - DAY_MS);
  const recent = and(eq(proposals.freelancerId, freelancerId), gt(proposals.createdAt, since));
  const [{ n }] = await ctx.db.select({ n: count() }).from(proposals).where(recent);
  if (n < PROPOSALS_PER_DAY) return;
  const [oldest] = await ctx.db
    .select({ at: proposals.createdAt })
    .from(proposals)
    .where(recent)
    .orderBy(asc(proposals.createdAt))
    .limit(1);
  const retryAfter = Math.max(1, Math.ceil((oldest.at.getTime() + DAY_MS - ctx.clock.now().getTime()) / 1000));
  throw new AppError(429, "daily_limit", `You can send ${PROPOSALS_PER_DAY} proposals a day. Try again later.`, undefined, {
    "Retry-After": String(retryAfter),
  });
}

function isUniqueViolation(error: unknown): boolean {
  const text = String(error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : error);
  return /UNIQUE constraint failed/i.test(text);
}

/** A verified freelancer applies once to an open project they can see; the client is notified. */
export async function sendProposal(ctx: DomainContext, actor: User, projectId: string, input: ProposalInput): Promise<ProposalView> {
  requireActorRole(actor, "freelancer");
  requireVerifiedEmail(actor);
  const data = parseInput(proposalInputSchema, input);
  const project = await requireVisibleProject(ctx, projectId, actor.id);
  const terms = checkBidTerms(project, data);
  if (project.clientId === actor.id) throw new AppError(403, "own_project", "You cannot send a proposal to your own project.");
  if (!takesProposals(project.status)) throw new AppError(409, "project_closed", "This project is not taking proposals.");
  const existing = await ctx.db.query.proposals.findFirst({
    where: and(eq(proposals.projectId, project.id), eq(proposals.freelancerId, actor.id)),
  });
  if (existing) throw new AppError(409, "already_applied", "You already sent a proposal for this project.");
  await checkDailyLimit(ctx, actor.id);
  const coverLetter = await checkCoverLetter(ctx, actor.id, data.coverLetter);
  checkMilestones(project, data.bidAmount, data.milestones);
  const id = ctx.newId();
  const target = { scope: "proposal", id } as const;
  const attachments = await requireOwnedFiles(ctx, actor.id, data.attachments ?? [], { field: "attachments", target });
  const now = ctx.clock.now();
  let proposal: Proposal;
  try {
    [[proposal]] = await ctx.db.batch([
      ctx.db
        .insert(proposals)
        .values({
          id,
          projectId: project.id,
          freelancerId: actor.id,
          coverLetter,
          bidAmount: data.bidAmount,
          currency: project.currency,
          estimatedDays: terms.estimatedDays,
          weeklyHours: terms.weeklyHours,
          milestones: data.milestones ?? null,
          attachments,
          status: "pending",
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
      proposalEventStatement(ctx, { proposalId: id, type: "sent", actorId: actor.id }),
      scopeFilesStatement(ctx, actor.id, attachments, target),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, "already_applied", "You already sent a proposal for this project.");
    throw error;
  }
  await notify(ctx, project.clientId, "proposal_received", {
    title: `New proposal: ${project.title}`,
    body: `${actor.name} sent a proposal for "${project.title}".`,
    link: `/client/projects/${project.id}/proposals`,
  });
  return loadProposalView(ctx, proposal);
}

/** The freelancer changes an undecided proposal; a new cover letter passes the same quality checks. */
export async function editProposal(ctx: DomainContext, actor: User, proposalId: string, patch: ProposalPatch): Promise<ProposalView> {
  const { proposal, project } = await requireOwnProposal(ctx, actor, proposalId);
  requireUndecided(proposal, "edit");
  const data = parseInput(proposalPatchSchema, patch);
  const changes: Partial<Proposal> = { updatedAt: ctx.clock.now() };
  if (data.coverLetter !== undefined) changes.coverLetter = await checkCoverLetter(ctx, actor.id, data.coverLetter, proposal.id);
  if (data.bidAmount !== undefined) changes.bidAmount = data.bidAmount;
  if (data.estimatedDays !== undefined || data.weeklyHours !== undefined) {
    Object.assign(
      changes,
      checkBidTerms(project, {
        estimatedDays: data.estimatedDays ?? proposal.estimatedDays,
        weeklyHours: data.weeklyHours ?? proposal.weeklyHours,
      }),
    );
  }
  if (data.milestones !== undefined) changes.milestones = data.milestones;
  if (data.attachments !== undefined) {
    changes.attachments = await requireOwnedFiles(ctx, actor.id, data.attachments, {
      field: "attachments",
      target: { scope: "proposal", id: proposal.id },
    });
  }
  checkMilestones(
    project,
    changes.bidAmount ?? proposal.bidAmount,
    changes.milestones !== undefined ? changes.milestones : proposal.milestones,
  );
  const [[updated]] = await ctx.db.batch([
    ctx.db.update(proposals).set(changes).where(eq(proposals.id, proposal.id)).returning(),
    proposalEventStatement(ctx, { proposalId: proposal.id, type: "edited", actorId: actor.id }),
    scopeFilesStatement(ctx, actor.id, changes.attachments ?? [], { scope: "proposal", id: proposal.id }),
  ]);
  return loadProposalView(ctx, updated);
}

export async function withdrawProposal(ctx: DomainContext, actor: User, proposalId: string): Promise<ProposalView> {
  const { proposal } = await requireOwnProposal(ctx, actor, proposalId);
  if (proposal.status === "withdrawn") return loadProposalView(ctx, proposal);
  requireUndecided(proposal, "withdraw");
  const now = ctx.clock.now();
  const [[updated]] = await ctx.db.batch([
    ctx.db.update(proposals).set({ status: "withdrawn", updatedAt: now, decidedAt: now }).where(eq(proposals.id, proposal.id)).returning(),
    proposalEventStatement(ctx, { proposalId: proposal.id, type: "withdrawn", actorId: actor.id }),
  ]);
  return loadProposalView(ctx, updated);
}

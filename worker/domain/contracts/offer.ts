import type { Project, Proposal, User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { takesProposals } from "../projects/status";
import { parseInput } from "../shared/validate";
import { loadProposalWithProject } from "../proposals/access";
import { claimProposalStatements, insertWithNewContract, type OfferColumns } from "../proposals/hire";
import { offerAmount, offerInputSchema, type OfferInput } from "./offer-input";
import { offerNotices } from "./offer-notices";
import { getContractDetail } from "./queries";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whom an offer on this proposal may concern: its client hires; its freelancer is told no; anyone else sees nothing. */
export async function requireProposalToHireOn(ctx: DomainContext, actor: User, proposalId: string) {
  const row = await loadProposalWithProject(ctx, proposalId).catch(() => null);
  const stranger = !row || (row.project.clientId !== actor.id && row.proposal.freelancerId !== actor.id);
  if (!row || stranger || (row.project.hiddenAt && row.project.clientId !== actor.id)) {
    throw new AppError(404, "not_found", "No such proposal.");
  }
  if (row.project.clientId !== actor.id) throw new AppError(403, "forbidden", "Only the client who posted the project can hire.");
  return row;
}

/** Whether the client may make an offer on this proposal now, and why not. */
export function offerBlocker(proposal: Proposal, project: Project): AppError | null {
  if (proposal.status !== "pending" && proposal.status !== "shortlisted") {
    return new AppError(409, "proposal_decided", `This proposal is already ${proposal.status}, so you cannot hire on it.`);
  }
  if (!takesProposals(project.status)) {
    return new AppError(409, "project_closed", "Reopen the project for more hires before making another offer.");
  }
  return null;
}

/** A start date may be today in any time zone, never earlier. */
function checkStartDate(ctx: DomainContext, startDate: string): void {
  const earliest = new Date(ctx.clock.now().getTime() - DAY_MS).toISOString().slice(0, 10);
  if (startDate < earliest) {
    throw new AppError(422, "validation_failed", "The start date is in the past.", { startDate: ["Pick today or a later date."] });
  }
}

function offerColumns(offer: OfferInput): OfferColumns {
  const base = { title: offer.title, offerMessage: offer.message?.trim() || null, startDate: offer.startDate, amount: offerAmount(offer) };
  return offer.type === "fixed"
    ? { ...base, type: "fixed", hourlyRate: null, weeklyHourLimit: null }
    : { ...base, type: "hourly", hourlyRate: offer.hourlyRate, weeklyHourLimit: offer.weeklyHourLimit };
}

/**
 * The client hires on a proposal by sending an offer: the proposal is accepted and a contract in the "offered"
 * state is written with the offer's terms and milestones, all in one transaction. The freelancer then accepts or
 * declines it (contracts/lifecycle.ts); until then the client may still adjust its terms.
 */
export async function sendOffer(ctx: DomainContext, actor: User, proposalId: string, input: unknown) {
  const offer = parseInput(offerInputSchema, input);
  const { proposal, project } = await requireProposalToHireOn(ctx, actor, proposalId);
  const blocker = offerBlocker(proposal, project);
  if (blocker) throw blocker;
  checkStartDate(ctx, offer.startDate);
  const now = ctx.clock.now();
  const contractId = ctx.newId();
  const columns = offerColumns(offer);
  const milestoneRows =
    offer.type === "fixed"
      ? offer.milestones.map((m, index) => ({
          id: ctx.newId(),
          contract_id: contractId,
          position: index + 1,
          title: m.title,
          amount: m.amount,
          currency: proposal.currency,
          due_date: m.dueDate ?? null,
          status: "pending",
          auto_approved: false,
          created_at: now,
          updated_at: now,
        }))
      : [];
  const terms = { ...columns, milestones: milestoneRows.map((m) => ({ title: m.title, amount: m.amount, dueDate: m.due_date })) };
  const event = (type: string, data: Record<string, unknown>) => ({ id: ctx.newId(), type, actor_id: actor.id, data, created_at: now });
  const [claimed] = await ctx.db.batch([
    ...claimProposalStatements(ctx, { proposal, project, contractId, now, offer: columns }),
    ...milestoneRows.map((row) => insertWithNewContract(ctx, contractId, "milestones", row)),
    insertWithNewContract(ctx, contractId, "contract_events", {
      ...event("contract.offered", { proposalId: proposal.id, ...terms }),
      contract_id: contractId,
      milestone_id: null,
    }),
    insertWithNewContract(ctx, contractId, "proposal_events", { ...event("hired", { contractId }), proposal_id: proposal.id }),
    insertWithNewContract(ctx, contractId, "events", {
      ...event("contracts.offered", { proposalId: proposal.id, type: columns.type, amount: columns.amount }),
      subject_type: "contract",
      subject_id: contractId,
    }),
  ]);
  if (claimed.length === 0) throw new AppError(409, "proposal_decided", "This proposal was decided a moment ago.");
  const contract = await getContractDetail(ctx, actor.id, contractId);
  await offerNotices.sent(ctx, { contract, clientName: actor.name, freelancerId: proposal.freelancerId });
  return contract;
}

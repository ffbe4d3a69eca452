/** The steps every story contract goes through, each one the domain function a person's click calls. */
import type { Viewer } from "../../../worker/domain/auth/sessions";
import { acceptContract, updateContractTerms } from "../../../worker/domain/contracts/lifecycle";
import type { TermsChange } from "../../../worker/domain/contract-core/terms";
import { addMilestone } from "../../../worker/domain/milestones/manage";
import { approveMilestone } from "../../../worker/domain/milestones/release";
import { requestMilestoneChanges, submitMilestone } from "../../../worker/domain/milestones/workflow";
import { fundMilestone } from "../../../worker/domain/payments/fund";
import type { ProjectInput } from "../../../worker/domain/projects/input";
import { postProject } from "../../../worker/domain/projects/projects";
import { acceptProposal } from "../../../worker/domain/proposals/decide";
import type { ProposalInput } from "../../../worker/domain/proposals/input";
import { sendProposal } from "../../../worker/domain/proposals/send";
import type { StoryContext } from "./context";

export type Moment = [days: number, hour: number, minute?: number];

/** A client posts a project and a freelancer proposes on it. */
export async function postAndPropose(
  s: StoryContext,
  client: Viewer,
  freelancer: Viewer,
  project: { at: Moment; input: ProjectInput },
  proposal: { at: Moment; input: ProposalInput },
) {
  await s.at(...project.at);
  const posted = await postProject(s.ctx, client.user, project.input);
  await s.at(...proposal.at);
  const sent = await sendProposal(s.ctx, freelancer.user, posted.id, proposal.input);
  return { projectId: posted.id, proposalId: sent.id };
}

/** The client hires on a proposal with these terms and milestones; the contract waits as an offer. */
export async function offer(
  s: StoryContext,
  client: Viewer,
  proposalId: string,
  at: Moment,
  terms: TermsChange,
  milestones: Array<{ title: string; amount: number }> = [],
) {
  await s.at(...at);
  const { contract } = await acceptProposal(s.ctx, client.user, proposalId);
  await updateContractTerms(s.ctx, client.user, contract.id, terms);
  const milestoneIds: string[] = [];
  for (const m of milestones) milestoneIds.push((await addMilestone(s.ctx, client.user, contract.id, m)).id);
  return { contractId: contract.id, milestoneIds };
}

export async function accept(s: StoryContext, freelancer: Viewer, contractId: string, at: Moment) {
  await s.at(...at);
  await acceptContract(s.ctx, freelancer.user, contractId);
}

export async function fund(s: StoryContext, client: Viewer, milestoneId: string, at: Moment) {
  await s.at(...at);
  await fundMilestone(s.ctx, client.user, milestoneId, { provider: "sandbox" });
}

export async function submit(s: StoryContext, freelancer: Viewer, milestoneId: string, at: Moment, message: string) {
  await s.at(...at);
  await submitMilestone(s.ctx, freelancer.user, milestoneId, { message });
}

export async function askForChanges(s: StoryContext, client: Viewer, milestoneId: string, at: Moment, message: string) {
  await s.at(...at);
  await requestMilestoneChanges(s.ctx, client.user, milestoneId, { message });
}

export async function approve(s: StoryContext, client: Viewer, milestoneId: string, at: Moment) {
  await s.at(...at);
  await approveMilestone(s.ctx, client.user, milestoneId);
}

/** Fund, submit and approve: a milestone paid in full. */
export async function completeMilestone(
  s: StoryContext,
  people: { client: Viewer; freelancer: Viewer },
  milestoneId: string,
  moments: { funded: Moment; submitted: Moment; approved: Moment },
  note: string,
) {
  await fund(s, people.client, milestoneId, moments.funded);
  await submit(s, people.freelancer, milestoneId, moments.submitted, note);
  await approve(s, people.client, milestoneId, moments.approved);
}

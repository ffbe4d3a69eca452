import { eq } from "drizzle-orm";
import { milestones, type Milestone, type User } from "../../../db/schema";
import { requireParty } from "../contract-core/access";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import { contractNotices } from "../contract-core/notify";
import type { DomainContext } from "../context";
import { commitMoneyBatch } from "../ledger/batch";
import { AppError } from "../errors";
import { fileViewsByKey, requireOwnedFiles, scopeFilesStatement } from "../shared/file-records";
import { storeUploads, type FileBucket, type UploadedFile } from "../files/uploads";
import { auditStatement } from "../shared/audit";
import { milestoneForParty, wrongState } from "./access";
import { toMilestoneView, type MilestoneView } from "./view";

/** The milestone, when the actor is its freelancer and it waits for work; otherwise why not. */
async function submittableMilestone(ctx: DomainContext, actor: User, milestoneId: string) {
  const access = await milestoneForParty(ctx, milestoneId, actor.id);
  requireParty(access, "freelancer", "submit work");
  const { contract, milestone } = access;
  if (contract.status !== "active") throw wrongState("Work can only be submitted on an active contract.");
  if (milestone.status !== "funded" && milestone.status !== "changes_requested") {
    throw wrongState(
      milestone.status === "pending"
        ? "This milestone is not funded yet: wait until the client funds it."
        : `This milestone cannot be submitted while it is ${milestone.status.replace("_", " ")}.`,
    );
  }
  return access;
}

/** Submission from the contract page's form: its files are stored in R2 first (types from the bytes, sizes bounded). */
export async function submitMilestoneWithUploads(
  ctx: DomainContext,
  bucket: FileBucket,
  actor: User,
  milestoneId: string,
  input: { message?: string | null; files: UploadedFile[] },
): Promise<MilestoneView> {
  await submittableMilestone(ctx, actor, milestoneId);
  if (input.files.length > SUBMISSION_FILES_MAX) {
    throw new AppError(422, "validation_failed", `Hand in at most ${SUBMISSION_FILES_MAX} files at once.`, {
      files: [`At most ${SUBMISSION_FILES_MAX} files.`],
    });
  }
  const stored = await storeUploads(ctx, bucket, actor, input.files);
  return submitMilestone(ctx, actor, milestoneId, { message: input.message, files: stored.map((f) => f.key) });
}

/** The most files one submission hands in. */
export const SUBMISSION_FILES_MAX = 10;

/** The freelancer hands in work on a funded milestone (again, after changes were asked for), with files if any. */
export async function submitMilestone(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: { message?: string | null; files?: string[] | null },
): Promise<MilestoneView> {
  const access = await submittableMilestone(ctx, actor, milestoneId);
  const { contract } = access;
  const wanted = input.files ?? [];
  if (wanted.length > SUBMISSION_FILES_MAX) {
    throw new AppError(422, "validation_failed", `Hand in at most ${SUBMISSION_FILES_MAX} files at once.`, {
      files: [`At most ${SUBMISSION_FILES_MAX} files.`],
    });
  }
  const target = { scope: "contract", id: contract.id } as const;
  const submitted = await requireOwnedFiles(ctx, actor.id, wanted, { field: "files", target });
  const now = ctx.clock.now();
  const message = input.message?.trim() || null;
  const [, [updated]] = (await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract),
    ctx.db
      .update(milestones)
      .set({ status: "submitted", submittedAt: now, submissionMessage: message, submissionFiles: submitted, updatedAt: now })
      .where(eq(milestones.id, milestoneId))
      .returning(),
    scopeFilesStatement(ctx, actor.id, submitted, target),
    contractEventStatement(ctx, {
      contractId: contract.id,
      milestoneId,
      type: "milestone.submitted",
      actorId: actor.id,
      data: { message, files: submitted.length },
    }),
    auditStatement(ctx, { type: "contracts.milestone_submitted", actorId: actor.id, subjectType: "milestone", subjectId: milestoneId }),
  ])) as [unknown, Milestone[]];
  await contractNotices.submitted(ctx, contract, updated);
  return toMilestoneView(updated, access.funds, undefined, await fileViewsByKey(ctx, submitted));
}

/** The client sends submitted work back; the funds stay held and the freelancer can submit again. */
export async function requestMilestoneChanges(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: { message: string },
): Promise<MilestoneView> {
  const access = await milestoneForParty(ctx, milestoneId, actor.id);
  requireParty(access, "client", "ask for changes");
  const { contract, milestone } = access;
  if (contract.status !== "active") throw wrongState("Changes can only be asked for on an active contract.");
  if (milestone.status !== "submitted") throw wrongState("Changes can only be asked for on submitted work.");
  const now = ctx.clock.now();
  const message = input.message.trim();
  const [, [updated]] = (await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract),
    ctx.db
      .update(milestones)
      .set({ status: "changes_requested", changesMessage: message, updatedAt: now })
      .where(eq(milestones.id, milestoneId))
      .returning(),
    contractEventStatement(ctx, {
      contractId: contract.id,
      milestoneId,
      type: "milestone.changes_requested",
      actorId: actor.id,
      data: { message },
    }),
    auditStatement(ctx, {
      type: "contracts.milestone_changes_requested",
      actorId: actor.id,
      subjectType: "milestone",
      subjectId: milestoneId,
    }),
  ])) as [unknown, Milestone[]];
  await contractNotices.changesRequested(ctx, contract, updated, message);
  return toMilestoneView(updated, access.funds);
}

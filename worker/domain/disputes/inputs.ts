import { z } from "zod";
import { DISPUTE_OUTCOMES } from "../../../db/schema/values";

export const DISPUTE_TEXT_MAX = 5000;
export const DISPUTE_EVIDENCE_MAX = 10;

export const disputeEvidenceFileIds = z
  .array(z.string().min(1).max(64))
  .max(DISPUTE_EVIDENCE_MAX, { message: `Attach at most ${DISPUTE_EVIDENCE_MAX} files.` })
  .optional();
export const disputeReason = z.string().trim().min(10, { message: "Explain the problem in at least 10 characters." }).max(DISPUTE_TEXT_MAX);
export const disputeStatement = z.string().trim().min(10, { message: "Give your side in at least 10 characters." }).max(DISPUTE_TEXT_MAX);

/** An admin's decision: who gets the held money (a split gives the freelancer 1–99 %), explained to both sides. */
export const disputeOutcome = z.enum(DISPUTE_OUTCOMES, { message: "Choose an outcome." });
export const splitPercent = z.number().int().min(1).max(99);
export const decisionNote = z.string().trim().min(1, { message: "Explain the decision to both sides." }).max(DISPUTE_TEXT_MAX);
export const resolveDisputeInput = z.object({ outcome: disputeOutcome, freelancerPercent: splitPercent.optional(), note: decisionNote });

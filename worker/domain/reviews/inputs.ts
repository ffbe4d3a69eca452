import { z } from "zod";

export const REVIEW_COMMENT_MAX = 5000;
export const REVIEW_PRIVATE_NOTE_MAX = 2000;
export const REVIEW_SKILLS_MAX = 10;

export const reviewStars = z.number().int().min(1, { message: "Rate from 1 to 5." }).max(5, { message: "Rate from 1 to 5." });
export const reviewComment = z.string().trim().min(1, { message: "Write a few words about working together." }).max(REVIEW_COMMENT_MAX);
export const reviewPrivateNote = z.string().trim().max(REVIEW_PRIVATE_NOTE_MAX);
export const skillRatings = z
  .array(z.object({ skill: z.string().trim().min(1).max(60), rating: reviewStars }))
  .max(REVIEW_SKILLS_MAX, { message: `Rate at most ${REVIEW_SKILLS_MAX} skills.` })
  .refine((list) => new Set(list.map((s) => s.skill.toLowerCase())).size === list.length, { message: "Rate each skill once." });

/** A review of the other side once a contract ends: stars, a public comment, optional per-skill stars and a private note. */
export const writeReviewInput = z.object({
  rating: reviewStars,
  skillRatings: skillRatings.optional(),
  comment: reviewComment,
  privateNote: reviewPrivateNote.nullable().optional(),
});

import { z } from "zod";

export const MILESTONE_TITLE_MAX = 200;
export const CHANGE_REQUEST_MAX = 5000;

export const milestoneTitle = z
  .string({ error: "Give the milestone a title." })
  .trim()
  .min(1, "Give the milestone a title.")
  .max(MILESTONE_TITLE_MAX, `Use at most ${MILESTONE_TITLE_MAX} characters.`);

/** What the client asks to change in submitted work. */
export const changeRequest = z.string().trim().min(1, "Say what should change.").max(CHANGE_REQUEST_MAX);

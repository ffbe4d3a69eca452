/** What each side rates besides the overall score (a review's skill ratings), by the author's role. Safe for the browser. */
export const REVIEW_CRITERIA = {
  client: ["Quality", "Communication", "Timeliness"],
  freelancer: ["Clear requirements", "Communication", "Prompt payment"],
} as const;

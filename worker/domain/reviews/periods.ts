/** A review stays hidden until both sides wrote theirs, or this long after the contract ended (no database here: pages import it). */
export const REVIEW_HIDDEN_DAYS = 14;
export const REVIEW_HIDDEN_MS = REVIEW_HIDDEN_DAYS * 24 * 60 * 60 * 1000;

import { desc, eq } from "drizzle-orm";
import { proposals } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

/** Above this Jaccard similarity of word triples, a letter counts as a copy of an earlier one. */
export const MAX_SIMILARITY = 0.9;
const COMPARE_WITH_LAST = 50;

export function wordShingles(text: string, size = 3): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < size) return new Set(words.length ? [words.join(" ")] : []);
  const out = new Set<string>();
  for (let i = 0; i <= words.length - size; i++) out.add(words.slice(i, i + size).join(" "));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Spam guard (the length is checked by coverLetterSchema): a letter that is not a near copy of one of the freelancer's recent ones. */
export async function checkCoverLetter(
  ctx: DomainContext,
  freelancerId: string,
  letter: string,
  ignoreProposalId?: string,
): Promise<string> {
  const text = letter.trim();
  const previous = await ctx.db
    .select({ id: proposals.id, coverLetter: proposals.coverLetter })
    .from(proposals)
    .where(eq(proposals.freelancerId, freelancerId))
    .orderBy(desc(proposals.createdAt))
    .limit(COMPARE_WITH_LAST);
  const mine = wordShingles(text);
  for (const p of previous) {
    if (p.id === ignoreProposalId) continue;
    if (jaccard(mine, wordShingles(p.coverLetter)) > MAX_SIMILARITY) {
      const message = "This cover letter is almost the same as one you already sent. Write it for this project.";
      throw new AppError(422, "cover_letter_duplicate", message, { coverLetter: [message] });
    }
  }
  return text;
}

/** Frankie keeps two project searches: one alerts at once, one sends a morning e-mail; new projects reach both. */
import { postProject } from "../../../worker/domain/projects/projects";
import { sendSavedSearchDigest } from "../../../worker/domain/saved-searches/digest";
import { alertSavedSearches } from "../../../worker/domain/saved-searches/instant";
import { saveSearch } from "../../../worker/domain/saved-searches/saved-searches";
import type { Cast } from "./cast";
import type { StoryContext } from "./context";

export async function savedSearchAlerts(s: StoryContext, cast: Cast): Promise<void> {
  await s.at(20, 8);
  await saveSearch(s.ctx, cast.freelancer.user, { name: "React work, newest first", query: "q=react&sort=newest" });
  const daily = await saveSearch(s.ctx, cast.freelancer.user, {
    name: "Fixed-price web projects",
    query: "category=web-development&budgetType=fixed&min=1000",
    frequency: "daily",
  });
  await saveSearch(s.ctx, cast.freelancer.user, { name: "Any Node.js API work", query: "q=node%20api", frequency: "none" });

  // A market client posts a React project: the instant search tells Frankie at once (the queue's job, run here).
  await s.at(2, 15);
  const react = await postProject(s.ctx, cast.otherClients[0].user, {
    title: "React booking calendar for a yoga studio",
    description:
      "Our studio needs a booking calendar in React: classes by week, places left, and a waiting list. We have a REST API for classes already.",
    category: "web-development",
    skills: ["React", "TypeScript"],
    budgetType: "fixed",
    budgetMin: 180_000,
    budgetMax: 320_000,
    currency: "USD",
  });
  await alertSavedSearches(s.ctx, react.id);

  await s.at(1, 11);
  await postProject(s.ctx, cast.otherClients[1].user, {
    title: "Shop checkout rebuild for a bike parts store",
    description:
      "We sell bike parts online and our checkout loses customers. Rebuild the checkout pages: address, shipping choice, payment and receipt.",
    category: "web-development",
    skills: ["JavaScript", "CSS"],
    budgetType: "fixed",
    budgetMin: 250_000,
    budgetMax: 400_000,
    currency: "USD",
  });
  // The morning's digest (the daily cron's job, run here) lists the new fixed-price web projects once.
  await s.at(0, 0, 5);
  await sendSavedSearchDigest(s.ctx, daily.id);
}

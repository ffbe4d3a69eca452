/**
 * A market freelancer's reviewed track record: five short fixed-price jobs for market clients, each paid and
 * reviewed on both sides, so the marketplace has someone whose rating rests on enough real reviews to be featured
 * on the home page (search/home.ts).
 */
import { and, asc, desc, eq, isNull, like, notInArray, sql } from "drizzle-orm";
import { freelancerProfiles, freelancerSkills, skills, users } from "../../schema";
import { revokeSession } from "../../../worker/domain/auth/sessions";
import { endContract } from "../../../worker/domain/contracts/lifecycle";
import { writeReview } from "../../../worker/domain/reviews/write";
import { marketPeople, signedIn, type Cast } from "./cast";
import type { StoryContext } from "./context";
import { accept, completeMilestone, offer, postAndPropose } from "./hire";

const USD = (dollars: number) => dollars * 100;
const CATEGORY = "web-development";

interface Job {
  /** Days before the seed's day the project is posted; the rest follows over the next week. */
  postedDaysAgo: number;
  title: string;
  description: string;
  budget: [number, number];
  bid: number;
  days: number;
  pitch: (skill: string) => string;
  delivered: string;
  clientReview: { rating: number; comment: string };
  freelancerReview: string;
}

const JOBS: Job[] = [
  {
    postedDaysAgo: 116,
    title: "Fix the checkout page on phones",
    description:
      "On phones our checkout page jumps around while it loads and the pay button sometimes sits under the keyboard. Find the causes and fix them without changing the design.",
    budget: [400, 900],
    bid: 650,
    days: 5,
    pitch: (skill) =>
      `Layout shifts and buttons under the keyboard are usually late images and fixed footers. I work in ${skill} every day; I would reproduce it on real phones first, fix it, and show you before and after recordings.`,
    delivered: "No more jumping: images reserve their space, and the pay button stays above the keyboard on iOS and Android.",
    clientReview: { rating: 5, comment: "Found the cause on day one and fixed it cleanly. Our mobile checkouts went up the week after." },
    freelancerReview: "Clear brief and quick answers. A pleasure to work with.",
  },
  {
    postedDaysAgo: 102,
    title: "Faster product search on our shop",
    description:
      "Product search takes two to three seconds on our shop of 4,000 items. Make it feel instant and keep the filters working as they do today.",
    budget: [800, 1500],
    bid: 1200,
    days: 7,
    pitch: (skill) =>
      `Two seconds for 4,000 items means the search runs where it should not. With ${skill} I would move the filtering where it is cheap, add results as you type, and keep every filter you have.`,
    delivered: "Search answers in under 150 ms now, results appear as you type, and every filter works as before.",
    clientReview: { rating: 5, comment: "Search is instant now. Explained every change in plain words." },
    freelancerReview: "Well organised client, paid on time.",
  },
  {
    postedDaysAgo: 88,
    title: "An order export for our accountant",
    description:
      "Our accountant needs a monthly export of orders with taxes and refunds as a spreadsheet. Add a page in our admin area that makes it.",
    budget: [500, 1000],
    bid: 700,
    days: 6,
    pitch: (skill) =>
      `A monthly export with taxes and refunds is mostly about getting the numbers exactly right. I would agree the columns with your accountant first, then build the admin page in ${skill}, tested against last month's books.`,
    delivered: "The export page is live in the admin area; last month's figures match the accountant's to the cent.",
    clientReview: { rating: 4, comment: "Exactly what our accountant asked for. One column needed a second pass, fixed the same day." },
    freelancerReview: "Good feedback and a fair scope.",
  },
  {
    postedDaysAgo: 75,
    title: "Accessibility fixes for our sign-up form",
    description:
      "An audit found our sign-up form hard to use with a screen reader and a keyboard. Fix the issues in the report and tell us how to keep them fixed.",
    budget: [300, 800],
    bid: 550,
    days: 4,
    pitch: (skill) =>
      `I have fixed many forms after audits like yours: labels, error messages a screen reader announces, and focus order. I would fix each finding in ${skill} and add checks so they stay fixed.`,
    delivered: "Every finding of the audit is fixed, and an automated check now runs on each change to the form.",
    clientReview: { rating: 5, comment: "Thorough and patient. The re-audit came back clean." },
    freelancerReview: "Great client with a clear report to work from.",
  },
  {
    postedDaysAgo: 60,
    title: "Move our blog into the main site",
    description:
      "Our blog runs on a separate old system. Move its 120 posts into our main site, keep every address working, and let us write new posts there.",
    budget: [900, 1800],
    bid: 1400,
    days: 10,
    pitch: (skill) =>
      `Moving 120 posts is easy to get almost right; I make sure every old address redirects and every image comes along. I would build the blog pages in ${skill} and hand over a short guide to writing new posts.`,
    delivered: "All 120 posts moved with their images, every old address redirects, and the writing guide is in your wiki.",
    clientReview: { rating: 5, comment: "Not one broken link after the move. Would hire again without a second thought." },
    freelancerReview: "Organised and friendly, with quick decisions.",
  },
];

/** The first market freelancer (by e-mail, the cast aside) working in web development, with their skills there. */
async function webDeveloper(s: StoryContext, cast: Cast) {
  const taken = cast.otherFreelancers.map((f) => f.user.id);
  const [person] = await s.ctx.db
    .select({ user: users })
    .from(users)
    .innerJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(
      and(
        like(users.email, "%@market.test"),
        isNull(users.blockedAt),
        notInArray(users.id, taken),
        sql`EXISTS (SELECT 1 FROM ${freelancerSkills} JOIN ${skills} ON ${skills.slug} = ${freelancerSkills.skillSlug}
          WHERE ${freelancerSkills.userId} = ${users.id} AND ${skills.categorySlug} = ${CATEGORY})`,
      ),
    )
    .orderBy(asc(users.email))
    .limit(1);
  if (!person) throw new Error("the demo story needs a web developer in the market");
  const known = await s.ctx.db
    .select({ slug: skills.slug, name: skills.name })
    .from(freelancerSkills)
    .innerJoin(skills, eq(skills.slug, freelancerSkills.skillSlug))
    .where(and(eq(freelancerSkills.userId, person.user.id), eq(skills.categorySlug, CATEGORY)))
    .orderBy(desc(freelancerSkills.years), asc(skills.name))
    .limit(2);
  return { freelancer: await signedIn(s, person.user), skills: known };
}

export async function reviewedTrackRecord(s: StoryContext, cast: Cast): Promise<void> {
  const { freelancer, skills: known } = await webDeveloper(s, cast);
  // Market clients after the two the cast already has, one per job.
  const clients = await Promise.all((await marketPeople(s, "client", JOBS.length, cast.otherClients.length)).map((u) => signedIn(s, u)));
  if (clients.length < JOBS.length) throw new Error("the demo story needs more market clients");
  for (const [i, job] of JOBS.entries()) {
    const client = clients[i];
    const day = job.postedDaysAgo;
    const { proposalId } = await postAndPropose(
      s,
      client,
      freelancer,
      {
        at: [day, 9],
        input: {
          title: job.title,
          description: job.description,
          category: CATEGORY,
          skills: known.map((k) => k.slug),
          budgetType: "fixed",
          budgetMin: USD(job.budget[0]),
          budgetMax: USD(job.budget[1]),
          currency: "USD",
          duration: job.days <= 7 ? "less_than_week" : "1_to_4_weeks",
          experienceLevel: "intermediate",
        },
      },
      { at: [day, 15], input: { coverLetter: job.pitch(known[0].name), bidAmount: USD(job.bid), estimatedDays: job.days } },
    );
    const { contractId, milestoneIds } = await offer(s, client, proposalId, [day - 1, 10], { type: "fixed", amount: USD(job.bid) }, [
      { title: job.title, amount: USD(job.bid) },
    ]);
    await accept(s, freelancer, contractId, [day - 1, 12]);
    await completeMilestone(
      s,
      { client, freelancer },
      milestoneIds[0],
      { funded: [day - 1, 13], submitted: [day - 5, 16], approved: [day - 6, 10] },
      job.delivered,
    );
    await s.at(day - 6, 11);
    await endContract(s.ctx, client.user, contractId, { reason: "Delivered, thank you." });
    await s.at(day - 6, 15);
    await writeReview(s.ctx, client.user, contractId, job.clientReview);
    await s.at(day - 7, 9);
    await writeReview(s.ctx, freelancer.user, contractId, { rating: 5, comment: job.freelancerReview });
  }
  // Their sessions were only there to act as them.
  for (const person of [freelancer, ...clients]) await revokeSession(s.ctx, person.session.id);
}

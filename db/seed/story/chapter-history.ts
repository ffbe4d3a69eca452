/** Frankie's earlier work for another client, reviewed on both sides: with the others, enough for a job success score. */
import { endContract } from "../../../worker/domain/contracts/lifecycle";
import { addPortfolioItem } from "../../../worker/domain/profiles/portfolio";
import { writeReview } from "../../../worker/domain/reviews/write";
import type { Cast } from "./cast";
import type { StoryContext } from "./context";
import { accept, completeMilestone, offer, postAndPropose } from "./hire";

export async function earlierWork(s: StoryContext, cast: Cast): Promise<string> {
  const [bookingClient] = cast.otherClients;
  const { freelancer } = cast;
  const { projectId, proposalId } = await postAndPropose(
    s,
    bookingClient,
    freelancer,
    {
      at: [118, 9],
      input: {
        title: "Speed up our booking pages",
        description:
          "Our booking pages take six seconds to load on phones. Find out why and fix it: images, scripts, fonts, whatever it takes. The site is React with a Node.js API.",
        category: "web-development",
        skills: ["React", "JavaScript"],
        budgetType: "fixed",
        budgetMin: 60_000,
        budgetMax: 120_000,
        currency: "USD",
        duration: "1_to_4_weeks",
        experienceLevel: "intermediate",
      },
    },
    {
      at: [117, 14],
      input: {
        coverLetter:
          "Slow booking pages usually come down to oversized images, blocking scripts and late fonts. I would measure first with real phones, fix the biggest wins, and leave you a short report with before and after numbers.",
        bidAmount: 90_000,
        estimatedDays: 10,
      },
    },
  );
  const { contractId, milestoneIds } = await offer(s, bookingClient, proposalId, [116, 10], { type: "fixed", amount: 90_000 }, [
    { title: "Faster booking pages", amount: 90_000 },
  ]);
  await accept(s, freelancer, contractId, [116, 12]);
  await completeMilestone(
    s,
    { client: bookingClient, freelancer },
    milestoneIds[0],
    { funded: [116, 13], submitted: [108, 16], approved: [107, 10] },
    "Load time on a mid-range phone went from 6.1 s to 1.9 s; the report is in the repository.",
  );
  await s.at(107, 11);
  await endContract(s.ctx, bookingClient.user, contractId, { reason: "Done, and much faster." });
  await s.at(107, 15);
  await writeReview(s.ctx, bookingClient.user, contractId, {
    rating: 4,
    comment: "Big improvement and a clear report. Took a few days longer than planned, but worth it.",
  });
  await s.at(106, 9);
  await writeReview(s.ctx, freelancer.user, contractId, {
    rating: 5,
    comment: "Quick decisions and access to everything I needed from day one.",
  });
  // The work goes into the portfolio, naming the project it came from (the public profile links to it).
  await s.at(105, 10);
  await addPortfolioItem(s.ctx, freelancer.user, {
    title: "Booking pages: 6.1 s to 1.9 s on phones",
    description: "Measured on real phones, then cut oversized images, blocking scripts and late fonts from a React booking flow.",
    skills: ["React", "JavaScript"],
    projectId,
  });
  return contractId;
}

/**
 * The retoucher's earlier job for the agency, paid and ended: the retoucher is a Dutch business with a VAT number,
 * so the fee statement of that release shows the reverse charge instead of Dutch VAT.
 */
export async function retoucherEarlierWork(s: StoryContext, cast: Cast): Promise<string> {
  const agency = cast.otherClients[1];
  const retoucher = cast.otherFreelancers[1];
  const { proposalId } = await postAndPropose(
    s,
    agency,
    retoucher,
    {
      at: [112, 9],
      input: {
        title: "Retouch 40 product photos for a catalogue",
        description:
          "Forty product photos of ceramics need dust removed, colours matched to the originals and white backgrounds, in print and web sizes.",
        category: "graphic-design-branding",
        skills: ["Adobe Photoshop", "Graphic Design"],
        budgetType: "fixed",
        budgetMin: 30_000,
        budgetMax: 50_000,
        currency: "EUR",
        duration: "less_than_week",
        experienceLevel: "intermediate",
      },
    },
    {
      at: [111, 15],
      input: {
        coverLetter:
          "Ceramics are all about true colour and clean edges. I calibrate against your originals, remove dust by hand and deliver both sizes in one folder.",
        bidAmount: 40_000,
        estimatedDays: 4,
      },
    },
  );
  const { contractId, milestoneIds } = await offer(s, agency, proposalId, [110, 10], { type: "fixed", amount: 40_000 }, [
    { title: "40 retouched photos, print and web", amount: 40_000 },
  ]);
  await accept(s, retoucher, contractId, [110, 12]);
  await completeMilestone(
    s,
    { client: agency, freelancer: retoucher },
    milestoneIds[0],
    { funded: [110, 13], submitted: [106, 16], approved: [105, 10] },
    "All 40 photos are in the shared folder, print and web sizes, colours matched to your originals.",
  );
  await s.at(105, 11);
  await endContract(s.ctx, agency.user, contractId, { reason: "All delivered." });
  return contractId;
}

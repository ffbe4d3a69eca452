/**
 * Disputes: Casey contests retouched photos and the freelancer has answered (an admin decides next), and an
 * older one between Frankie and another client that an admin split.
 */
import { endContract } from "../../../worker/domain/contracts/lifecycle";
import { openDispute, respondToDispute } from "../../../worker/domain/disputes/open";
import { resolveDispute } from "../../../worker/domain/disputes/resolve";
import type { Cast } from "./cast";
import type { StoryContext } from "./context";
import { wireframePng } from "./files";
import { accept, fund, offer, postAndPropose, submit } from "./hire";
import { converse, upload } from "./talk";

export async function photoDispute(s: StoryContext, cast: Cast): Promise<string> {
  const retoucher = cast.otherFreelancers[1];
  const { client } = cast;
  const { proposalId } = await postAndPropose(
    s,
    client,
    retoucher,
    {
      at: [23, 9],
      input: {
        title: "Retouch 120 product photos for our shop",
        description:
          "120 product photos need a white background, consistent colour and light shadows, delivered as web-ready JPEGs in two sizes. Originals are in a shared folder.",
        category: "graphic-design-branding",
        skills: ["Adobe Photoshop", "Graphic Design"],
        budgetType: "fixed",
        budgetMin: 60_000,
        budgetMax: 90_000,
        currency: "USD",
        duration: "1_to_4_weeks",
        experienceLevel: "intermediate",
      },
    },
    {
      at: [22, 15],
      input: {
        coverLetter:
          "I retouch product photos every day for online shops: clean white backgrounds, true colours and natural shadows, batch-checked for consistency. 120 images take me about a week, delivered in the sizes you need.",
        bidAmount: 80_000,
        estimatedDays: 7,
      },
    },
  );
  const { contractId, milestoneIds } = await offer(s, client, proposalId, [20, 10], { type: "fixed", amount: 80_000 }, [
    { title: "All 120 photos retouched", amount: 80_000 },
  ]);
  const [photos] = milestoneIds;
  await accept(s, retoucher, contractId, [20, 13]);
  await fund(s, client, photos, [20, 14]);
  await submit(s, retoucher, photos, [6, 10], "All 120 photos are in the shared folder, in both sizes.");
  await converse(s, client, retoucher, { contractId }, [
    { from: client, at: [5, 9], body: "About half of the photos still have a blue cast and the shadows differ from photo to photo." },
    { from: retoucher, at: [5, 15], body: "The colours match the originals you sent. I can redo shadows for an extra fee." },
    { from: client, at: [4, 10], body: "Consistent shadows were in the brief. I will open a dispute so someone neutral can look." },
  ]);
  await s.at(4, 11);
  const evidence = await upload(s, client, { name: "blue-cast-examples.png", bytes: () => wireframePng(320, 240, [37, 99, 235]) });
  const dispute = await openDispute(s.ctx, client.user, photos, {
    text: "About 60 of the 120 photos have a visible blue cast and inconsistent shadows, which the brief asked for. Examples attached.",
    evidenceFileIds: [evidence.key],
  });
  await s.at(3, 9);
  await respondToDispute(s.ctx, retoucher.user, dispute.id, {
    text: "The colours follow the originals, which were shot under blue light. Shadows were matched per product group as agreed in chat.",
  });
  return dispute.id;
}

export async function decidedDispute(s: StoryContext, cast: Cast): Promise<string> {
  const agency = cast.otherClients[1];
  const { freelancer, admin } = cast;
  const { proposalId } = await postAndPropose(
    s,
    agency,
    freelancer,
    {
      at: [64, 9],
      input: {
        title: "A/B test setup for a landing page",
        description:
          "Set up an A/B test of two hero sections on our React landing page, with events sent to our analytics and a short report after two weeks.",
        category: "web-development",
        skills: ["React", "JavaScript"],
        budgetType: "fixed",
        budgetMin: 80_000,
        budgetMax: 120_000,
        currency: "USD",
        duration: "1_to_4_weeks",
        experienceLevel: "intermediate",
      },
    },
    {
      at: [63, 10],
      input: {
        coverLetter:
          "I have set up A/B tests on React landing pages with feature flags and clean analytics events. I would add both hero variants behind a flag, split traffic evenly, and report conversion with confidence intervals after two weeks.",
        bidAmount: 100_000,
        estimatedDays: 21,
      },
    },
  );
  const { contractId, milestoneIds } = await offer(s, agency, proposalId, [62, 10], { type: "fixed", amount: 100_000 }, [
    { title: "Test live and report", amount: 100_000 },
  ]);
  const [test] = milestoneIds;
  await accept(s, freelancer, contractId, [62, 12]);
  await fund(s, agency, test, [62, 13]);
  await submit(s, freelancer, test, [55, 10], "The test ran for two weeks; the report is in the shared drive.");
  await s.at(54, 9);
  const dispute = await openDispute(s.ctx, agency.user, test, {
    text: "The report covers one week only because events were missing for the first week.",
  });
  await s.at(53, 11);
  await respondToDispute(s.ctx, freelancer.user, dispute.id, {
    text: "The first week's events were blocked by the site's own cookie banner, which I reported on day two. The test itself ran for two weeks.",
  });
  await s.at(51, 10);
  await resolveDispute(s.ctx, admin.user, dispute.id, {
    outcome: "split",
    freelancerPercent: 70,
    note: "The test ran as agreed, but a week of data is missing: 70% to the freelancer, 30% back to the client.",
  });
  await s.at(50, 9);
  await endContract(s.ctx, agency.user, contractId, { reason: "Settled through the dispute." });
  return dispute.id;
}

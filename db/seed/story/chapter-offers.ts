/** Offers waiting for an answer: one for Frankie from another client, one Casey sent to another freelancer. */
import type { Cast } from "./cast";
import type { StoryContext } from "./context";
import { offer, postAndPropose } from "./hire";
import { converse } from "./talk";

/** Another client's offer to Frankie, after a proposal and a chat about when to start. */
export async function offerToFreelancer(s: StoryContext, cast: Cast): Promise<string> {
  const [bookingClient] = cast.otherClients;

  const audit = await postAndPropose(
    s,
    bookingClient,
    cast.freelancer,
    {
      at: [6, 9],
      input: {
        title: "Accessibility audit and fixes for our booking site",
        description:
          "Our booking site (React) must meet WCAG 2.2 AA before a public tender. We need an audit of the booking flow with a prioritised report, then the fixes, tested with a screen reader and keyboard only.",
        category: "web-development",
        skills: ["React", "TypeScript", "HTML"],
        budgetType: "fixed",
        budgetMin: 150_000,
        budgetMax: 250_000,
        currency: "USD",
        duration: "1_to_4_weeks",
        experienceLevel: "expert",
      },
    },
    {
      at: [5, 11],
      input: {
        coverLetter:
          "Accessibility is part of every site I build. I would audit the booking flow with axe, a screen reader and the keyboard, write a short report ranked by impact, then fix the issues in your React code with tests so they stay fixed.",
        bidAmount: 180_000,
        estimatedDays: 14,
      },
    },
  );
  s.fork(() =>
    converse(s, bookingClient, cast.freelancer, { projectId: audit.projectId }, [
      { from: bookingClient, at: [4, 10], body: "Your proposal reads well. Could you start next week? The tender closes in a month." },
      { from: cast.freelancer, at: [4, 12], body: "Yes, I can start on Monday and have the audit report to you within the week." },
      { from: bookingClient, at: [2, 10, 15], body: "Great, I have just sent you an offer." },
    ]),
  );
  const sent = await offer(s, bookingClient, audit.proposalId, [2, 10], { type: "fixed", amount: 180_000 }, [
    { title: "Audit report", amount: 80_000 },
    { title: "Fixes and retest", amount: 100_000 },
  ]);
  return sent.contractId;
}

/** Casey's offer to a mobile developer, waiting for their answer. */
export async function offerFromClient(s: StoryContext, cast: Cast): Promise<string> {
  const [appDeveloper] = cast.otherFreelancers;
  const app = await postAndPropose(
    s,
    cast.client,
    appDeveloper,
    {
      at: [8, 9],
      input: {
        title: "iOS and Android app for our field team",
        description:
          "Our engineers visit customers and fill in paper forms. We want a simple app to see today's visits, fill in the visit report with photos, and sync when back online. It talks to the customer portal's API.",
        category: "mobile-development",
        skills: ["React Native", "TypeScript"],
        budgetType: "fixed",
        budgetMin: 1_200_000,
        budgetMax: 1_800_000,
        currency: "USD",
        duration: "3_to_6_months",
        experienceLevel: "expert",
      },
    },
    {
      at: [7, 13],
      input: {
        coverLetter:
          "I build offline-first field apps in React Native. Visits sync in the background, photos upload when the signal returns, and forms keep drafts. I would ship a test build to your engineers after three weeks and iterate from their feedback.",
        bidAmount: 1_450_000,
        estimatedDays: 100,
      },
    },
  );
  const sent = await offer(s, cast.client, app.proposalId, [1, 16], { type: "fixed", amount: 1_450_000 }, [
    { title: "Test build for the field team", amount: 600_000 },
    { title: "Offline sync and photos", amount: 550_000 },
    { title: "Store release", amount: 300_000 },
  ]);
  return sent.contractId;
}

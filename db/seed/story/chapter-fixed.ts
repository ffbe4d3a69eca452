/**
 * Casey and Frankie's fixed-price work: a site refresh that ended with reviews on both sides and a payout, and a
 * customer portal under way with a milestone in every state.
 */
import { endContract } from "../../../worker/domain/contracts/lifecycle";
import { accountBalance } from "../../../worker/domain/ledger/balances";
import { ledgerAccounts } from "../../../worker/domain/ledger/accounts";
import { refundHeldFunds } from "../../../worker/domain/milestones/release";
import { writeReview } from "../../../worker/domain/reviews/write";
import { requestPayout } from "../../../worker/domain/wallet/payouts";
import type { Cast } from "./cast";
import type { StoryContext } from "./context";
import { documentPdf, wireframePng } from "./files";
import { accept, approve, askForChanges, completeMilestone, fund, offer, postAndPropose, submit } from "./hire";
import { converse } from "./talk";

const USD = (dollars: number) => dollars * 100;

/** Ended: posted 80 days ago, two milestones paid, one cancelled at the end, reviews from both, a payout. */
export async function siteRefresh(s: StoryContext, cast: Cast): Promise<string> {
  const { client, freelancer } = cast;
  const people = { client, freelancer };
  const { projectId, proposalId } = await postAndPropose(
    s,
    client,
    freelancer,
    {
      at: [80, 9],
      input: {
        title: "Refresh the Casey & Co. marketing site",
        description:
          "Our marketing site is five years old and slow on phones. We want a fresh design system, a rebuilt site in React with the same pages (home, services, case studies, contact) and a contact form that reaches our CRM. Copy is ready.",
        category: "web-development",
        skills: ["React", "TypeScript", "CSS"],
        budgetType: "fixed",
        budgetMin: USD(3000),
        budgetMax: USD(4500),
        currency: "USD",
        duration: "1_to_3_months",
        experienceLevel: "expert",
      },
    },
    {
      at: [79, 14],
      input: {
        coverLetter:
          "Hi Casey, I rebuild marketing sites like yours regularly: a small design system first, then the pages in React with TypeScript, tested on real phones. I would keep your URLs so search rankings stay, and wire the contact form to your CRM through its API. Two milestones: design system, then build and launch.",
        bidAmount: USD(3600),
        estimatedDays: 35,
        milestones: [
          { title: "Design system", amount: USD(1200) },
          { title: "Build and launch", amount: USD(2400) },
        ],
      },
    },
  );
  await converse(s, client, freelancer, { projectId }, [
    { from: client, at: [79, 15], body: "Thanks for the proposal! Have you moved a site to React before without losing search rankings?" },
    {
      from: freelancer,
      at: [79, 16, 20],
      body: "Yes, twice this year. Same URLs, redirects for anything that moves, and the sitemap resubmitted on launch day. Two examples are in the attached PDF.",
      attach: {
        name: "similar-work.pdf",
        bytes: () =>
          documentPdf("Frankie Freelancer: similar work", [
            "Northwind Outfitters: marketing site rebuilt in React and TypeScript; Lighthouse performance from 41 to 96 on phones.",
            "Fabrikam Studio: design system of 40 components, documented, with dark mode and accessible colour contrast.",
            "Both delivered in fixed-price milestones, on time.",
          ]),
      },
    },
    { from: client, at: [78, 10], body: "Perfect, that is exactly what I hoped to hear. I will send you an offer today." },
  ]);

  const { contractId, milestoneIds } = await offer(
    s,
    client,
    proposalId,
    [77, 11],
    { type: "fixed", amount: USD(4100), startDate: isoDaysAgo(s, 76) },
    [
      { title: "Design system", amount: USD(1200) },
      { title: "Build and launch", amount: USD(2400) },
      { title: "Blog migration", amount: USD(500) },
    ],
  );
  const [design, build] = milestoneIds;
  await accept(s, freelancer, contractId, [77, 15]);
  s.fork(() =>
    converse(s, freelancer, client, { contractId }, [
      { from: freelancer, at: [77, 16], body: "Thanks for the offer, accepted! I will start with an inventory of the current pages." },
      {
        from: freelancer,
        at: [70, 10, 5],
        body: "First wireframe of the home page, with the new type scale.",
        attach: { name: "home-wireframe.png", bytes: () => wireframePng(480, 320, [14, 116, 144]) },
      },
      { from: client, at: [70, 14], body: "Love the cleaner header. Could the case studies get more room?" },
      { from: freelancer, at: [70, 15], body: "Sure, I will give them a full-width band below the hero." },
      { from: client, at: [46, 11], body: "The contact form works now, thank you. Ready to close this one." },
      { from: freelancer, at: [46, 12], body: "Great working with you, Casey!" },
    ]),
  );
  await completeMilestone(
    s,
    people,
    design,
    { funded: [77, 16], submitted: [66, 10], approved: [65, 9] },
    "Design system in Figma and as React components, with a page of examples.",
  );
  await fund(s, client, build, [65, 10]);
  await submit(s, freelancer, build, [50, 12], "All pages rebuilt and live on the staging address.");
  await askForChanges(s, client, build, [49, 9], "The contact form sends each message twice; could you look at it?");
  await submit(s, freelancer, build, [47, 15], "Fixed the double send (a retry without a key) and added a test.");
  await approve(s, client, build, [46, 10]);

  await s.at(45, 11);
  await endContract(s.ctx, client.user, contractId, { reason: "All delivered, and the blog can wait. Thank you!" });
  await s.at(45, 12);
  await writeReview(s.ctx, client.user, contractId, {
    rating: 5,
    comment: "Frankie rebuilt our site faster than planned and explained every decision. Pages load in a blink on phones now.",
  });
  await s.at(44, 9);
  await writeReview(s.ctx, freelancer.user, contractId, {
    rating: 5,
    comment: "Clear brief, quick answers and prompt payments. I would work with Casey again any time.",
  });

  await s.at(40, 10);
  const available = await accountBalance(s.ctx, ledgerAccounts.freelancer(freelancer.user.id), "USD");
  await requestPayout(s.ctx, freelancer.user, { amount: Math.floor(available / 10_000) * 10_000, currency: "USD" });
  return contractId;
}

/** Active: a customer portal whose six milestones are approved, sent back, submitted, funded, planned and refunded. */
export async function customerPortal(s: StoryContext, cast: Cast): Promise<string> {
  const { client, freelancer } = cast;
  const people = { client, freelancer };
  const { proposalId } = await postAndPropose(
    s,
    client,
    freelancer,
    {
      at: [33, 9],
      input: {
        title: "Customer portal for Casey & Co.",
        description:
          "Our customers email us for order status and invoices. We want a portal where they sign in, see their orders and download invoices, and where we see simple reports. React front end, Node.js API, our existing PostgreSQL database.",
        category: "web-development",
        skills: ["React", "TypeScript", "Next.js"],
        budgetType: "fixed",
        budgetMin: USD(6000),
        budgetMax: USD(8000),
        currency: "USD",
        duration: "1_to_3_months",
        experienceLevel: "expert",
      },
    },
    {
      at: [32, 11],
      input: {
        coverLetter:
          "Happy to build this with you, Casey. After the site refresh I know your stack and your customers. I would begin with short discovery and wireframes, then accounts, then orders and invoices, then the reports, and end with a calm launch and a handover session for your team.",
        bidAmount: USD(7300),
        estimatedDays: 60,
      },
    },
  );
  const { contractId, milestoneIds } = await offer(
    s,
    client,
    proposalId,
    [30, 10],
    { type: "fixed", amount: USD(7300), startDate: isoDaysAgo(s, 29) },
    [
      { title: "Discovery and wireframes", amount: USD(900) },
      { title: "Sign-in and accounts", amount: USD(1600) },
      { title: "Orders and invoices pages", amount: USD(1800) },
      { title: "Reports dashboard", amount: USD(1400) },
      { title: "Launch and handover", amount: USD(900) },
      { title: "Legacy data import", amount: USD(700) },
    ],
  );
  const [discovery, accounts, orders, reports, , legacyImport] = milestoneIds;
  await accept(s, freelancer, contractId, [30, 15]);
  s.fork(() =>
    converse(s, client, freelancer, { contractId }, [
      {
        from: client,
        at: [30, 16, 30],
        body: "Welcome aboard! Here is what our team wrote down about the portal.",
        attach: {
          name: "portal-requirements.pdf",
          bytes: () =>
            documentPdf("Customer portal: what we need", [
              "Customers sign in with their e-mail address and see their orders of the last two years.",
              "Each order shows its status, items and invoice; invoices download as PDF.",
              "Our team sees a monthly report of orders and revenue.",
            ]),
        },
      },
      { from: freelancer, at: [30, 17], body: "Thanks, very clear. One question: should customers see cancelled orders too?" },
      { from: client, at: [30, 18], body: "Yes, greyed out please." },
      {
        from: freelancer,
        at: [24, 10, 10],
        body: "Wireframes are in, here is the orders page.",
        attach: { name: "portal-orders-wireframe.png", bytes: () => wireframePng(480, 320, [79, 70, 229]) },
      },
      { from: client, at: [23, 9, 10], body: "Approved, they look great." },
      { from: freelancer, at: [2, 16, 10], body: "Orders and invoices are ready for review on staging." },
    ]),
  );
  await completeMilestone(
    s,
    people,
    discovery,
    { funded: [30, 16], submitted: [24, 11], approved: [23, 9] },
    "Wireframes for all portal pages and the API outline.",
  );
  await fund(s, client, accounts, [23, 10]);
  await fund(s, client, legacyImport, [20, 9]);
  await s.at(15, 10);
  await refundHeldFunds(s.ctx, client.user, legacyImport, {
    amount: USD(700),
    reason: "Our old system can export to CSV after all, so no import is needed.",
  });
  await fund(s, client, orders, [12, 10]);
  await submit(s, freelancer, accounts, [9, 15], "Sign-in with e-mail and passkeys, password reset and account settings.");
  await askForChanges(s, client, accounts, [8, 10], "Could the reset e-mail use our logo and sender name?");
  await fund(s, client, reports, [3, 9]);
  await submit(s, freelancer, orders, [2, 16], "Orders list with filters, order page, and invoice downloads as PDF.");
  return contractId;
}

function isoDaysAgo(s: StoryContext, days: number): string {
  return new Date(s.now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

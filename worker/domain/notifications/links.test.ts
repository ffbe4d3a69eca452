/**
 * Every notification names a page, and that page opens for its recipient in every state its subject can reach
 * (DESIGN.md, "Journeys"): each kind is produced here by the real domain action, then its subject is moved on
 * (a proposal declined, a contract ended, a dispute decided, a project hidden...) and the link is opened again.
 * A kind without a scenario does not compile; a link that answers anything but 200 fails.
 */
import { env, SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, type User } from "../../../db/schema";
import { call } from "../../test-support/api";
import { testContext } from "../../test-support/context";
import { coverLetter, projectBody, uniqueWord } from "../../test-support/market";
import { chargeCard, declineCard, deliver, stripeEvent } from "../../test-support/stripe";
import { createTestUser } from "../../test-support/users";
import { createSession } from "../auth/sessions";
import { acceptContract, declineContract, endContract } from "../contracts/lifecycle";
import { sendOffer } from "../contracts/offer";
import { activeContract, fundedMilestone } from "../contracts/test-fixtures";
import type { DomainContext } from "../context";
import { openDispute, respondToDispute } from "../disputes/open";
import { resolveDispute } from "../disputes/resolve";
import { addManualEntry } from "../hourly/entries";
import { hourlyContract } from "../hourly/test-fixtures";
import { approveTimesheet } from "../hourly/approve";
import { disputeTimesheet, submitTimesheet } from "../hourly/timesheets";
import { addMilestone } from "../milestones/manage";
import { approveMilestone } from "../milestones/release";
import { requestMilestoneChanges, submitMilestone } from "../milestones/workflow";
import { fundMilestone } from "../payments/fund";
import { flagAgingCardFunds } from "../payments/stripe/hold-limit";
import { closeProject, inviteFreelancer, postProject } from "../projects/projects";
import { acceptProposal, declineProposal } from "../proposals/decide";
import { sendProposal, withdrawProposal } from "../proposals/send";
import { writeReview } from "../reviews/write";
import { openTicket, replyToTicket, updateTicket } from "../support/tickets";
import { hideReview, unhideReview } from "../trust/review-moderation";
import { hideProject, unhideProject } from "../trust/moderation";
import { remindMeeting } from "../meetings/reminders";
import { alertSavedSearches } from "../saved-searches/instant";
import { saveSearch } from "../saved-searches/saved-searches";
import { NOTIFICATION_TYPE_NAMES, type NotificationType } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;
const { ctx } = testContext(env);

/** Opens `path` as `user` with a web session, following redirects inside the app; the final status and path. */
async function open(user: User, path: string): Promise<{ status: number; path: string }> {
  const { token } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: true, meta: {} });
  let url = new URL(path, "http://localhost");
  for (let hop = 0; hop < 5; hop++) {
    const res = await SELF.fetch(url, { headers: { Host: "localhost", Cookie: `megilance_session=${token}` }, redirect: "manual" });
    await res.arrayBuffer();
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) return { status: res.status, path: url.pathname };
    url = new URL(location, url);
    if (url.origin !== "http://localhost") return { status: res.status, path: url.href };
  }
  return { status: 310, path: url.pathname };
}

/** Each link of `type` that `user` received opens with 200 now, in `state`; there is at least one. */
async function linksOpen(type: NotificationType, user: User, state: string): Promise<void> {
  const rows = await ctx.db
    .select({ link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.type, type)));
  expect(rows.length, `${type} reached ${user.name} (${state})`).toBeGreaterThan(0);
  for (const { link } of rows) {
    expect(link, `${type} names a page`).toMatch(/^\/[a-z]/);
    const opened = await open(user, link!);
    expect(opened, `${type} → ${link} for ${user.name} when ${state}`).toEqual({ status: 200, path: opened.path });
    expect(opened.path).not.toBe("/sign-in");
  }
}

const admin = async () => (await createTestUser(env, { roles: ["admin"] })).user;
const actor = (user: User) => ({ user, meta: {} });

async function applied(options: { visibility?: "public" | "invite_only" } = {}) {
  const client = await createTestUser(env, { roles: ["client"] });
  const freelancer = await createTestUser(env, { roles: ["freelancer"] });
  const project = await postProject(ctx, client.user, projectBody({ visibility: options.visibility ?? "public" }));
  if (options.visibility === "invite_only") await inviteFreelancer(ctx, client.user, project.id, freelancer.user.id);
  const proposal = await sendProposal(ctx, freelancer.user, project.id, {
    coverLetter: coverLetter(),
    bidAmount: 150_000,
    estimatedDays: 7,
  });
  return { client: client.user, freelancer: freelancer.user, project, proposal };
}

/** An ended contract whose two sides reviewed each other. */
async function reviewedContract(c: DomainContext) {
  const f = await activeContract(c);
  await endContract(c, f.client, f.contractId, { reason: "All done, thank you." });
  await writeReview(c, f.client, f.contractId, { rating: 5, comment: "Great work, on time." });
  const { items } = (await writeReview(c, f.freelancer, f.contractId, { rating: 4, comment: "Clear brief." })) as {
    items: Array<{ id: string; authorRole: string }>;
  };
  return { ...f, reviewId: items.find((r) => r.authorRole === "client")!.id };
}

/** A funded milestone with an open dispute opened by the client. */
async function disputed() {
  const f = await fundedMilestone(ctx);
  const dispute = await openDispute(ctx, f.client, f.milestoneId, { text: "Nothing was delivered by the agreed date." });
  return { ...f, disputeId: dispute.id };
}

const scenarios: Record<NotificationType, () => Promise<void>> = {
  async proposal_received() {
    const { client, project } = await applied();
    await linksOpen("proposal_received", client, "the project is open");
    await closeProject(ctx, client, project.id);
    await linksOpen("proposal_received", client, "the project is closed");
  },
  async proposal_accepted() {
    const { client, freelancer, proposal } = await applied();
    const { contract } = await acceptProposal(ctx, client, proposal.id);
    await linksOpen("proposal_accepted", freelancer, "the offer is open");
    await acceptContract(ctx, freelancer, contract.id);
    await endContract(ctx, client, contract.id, { reason: "Finished early." });
    await linksOpen("proposal_accepted", freelancer, "the contract ended");
  },
  async proposal_declined() {
    const { client, freelancer, proposal, project } = await applied();
    await declineProposal(ctx, client, proposal.id, "We went another way.");
    await linksOpen("proposal_declined", freelancer, "declined");
    await closeProject(ctx, client, project.id);
    await linksOpen("proposal_declined", freelancer, "declined, project closed");
  },
  async project_closed() {
    const { client, freelancer, project } = await applied({ visibility: "invite_only" });
    await closeProject(ctx, client, project.id);
    await linksOpen("project_closed", freelancer, "the invite-only project is closed");
  },
  async project_invited() {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const project = await postProject(ctx, client.user, projectBody({ visibility: "invite_only" }));
    await inviteFreelancer(ctx, client.user, project.id, freelancer.user.id);
    await linksOpen("project_invited", freelancer.user, "invited");
    const proposal = await sendProposal(ctx, freelancer.user, project.id, {
      coverLetter: coverLetter(),
      bidAmount: 150_000,
      estimatedDays: 7,
    });
    await withdrawProposal(ctx, freelancer.user, proposal.id);
    await closeProject(ctx, client.user, project.id);
    await linksOpen("project_invited", freelancer.user, "proposal withdrawn, project closed");
  },
  async offer_received() {
    const { client, freelancer, proposal } = await applied();
    const contract = await sendOffer(ctx, client, proposal.id, {
      type: "fixed",
      title: "Landing page offer",
      milestones: [{ title: "Landing page", amount: 50_000 }],
      startDate: new Date().toISOString().slice(0, 10),
      message: "Welcome aboard.",
    });
    await linksOpen("offer_received", freelancer, "the offer is open");
    await declineContract(ctx, freelancer, contract.id, { reason: "Booked that month." });
    await linksOpen("offer_received", freelancer, "the offer was declined");
  },
  async offer_declined() {
    const { client, freelancer, proposal, project } = await applied();
    const { contract } = await acceptProposal(ctx, client, proposal.id);
    await declineContract(ctx, freelancer, contract.id, { reason: "Booked that month." });
    await linksOpen("offer_declined", client, "declined");
    await closeProject(ctx, client, project.id);
    await linksOpen("offer_declined", client, "declined, project closed");
  },
  async contract_accepted() {
    const f = await activeContract(ctx);
    await linksOpen("contract_accepted", f.client, "active");
    await endContract(ctx, f.freelancer, f.contractId, { reason: "Moving on." });
    await linksOpen("contract_accepted", f.client, "ended");
  },
  async milestone_funded() {
    const f = await fundedMilestone(ctx);
    await linksOpen("milestone_funded", f.freelancer, "funded");
    await endContract(ctx, f.client, f.contractId, { reason: "Plans changed." });
    await linksOpen("milestone_funded", f.freelancer, "refunded, contract ended");
  },
  async milestone_submitted() {
    const f = await fundedMilestone(ctx);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, { message: "Done" });
    await approveMilestone(ctx, f.client, f.milestoneId);
    await linksOpen("milestone_submitted", f.client, "approved");
  },
  async timesheet_submitted() {
    const h = await hourlyWeek();
    await linksOpen("timesheet_submitted", h.client, "timesheet submitted");
  },
  async milestone_approved() {
    const f = await fundedMilestone(ctx);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    await approveMilestone(ctx, f.client, f.milestoneId);
    await linksOpen("milestone_approved", f.freelancer, "approved");
    await endContract(ctx, f.client, f.contractId, { reason: "Complete." });
    await linksOpen("milestone_approved", f.freelancer, "contract ended");
  },
  async timesheet_approved() {
    const h = await hourlyWeek();
    await approveTimesheet(ctx, h.client, h.timesheetId, { provider: "sandbox" });
    await linksOpen("timesheet_approved", h.freelancer, "timesheet approved");
  },
  async milestone_changes_requested() {
    const f = await fundedMilestone(ctx);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    await requestMilestoneChanges(ctx, f.client, f.milestoneId, { message: "Please add the mobile layout." });
    await linksOpen("milestone_changes_requested", f.freelancer, "changes requested");
  },
  async timesheet_disputed() {
    const h = await hourlyWeek();
    await disputeTimesheet(ctx, h.client, h.timesheetId, { reason: "Two hours too many." });
    await linksOpen("timesheet_disputed", h.freelancer, "timesheet disputed");
  },
  async contract_ended() {
    const f = await activeContract(ctx);
    await endContract(ctx, f.client, f.contractId, { reason: "The launch is cancelled." });
    await linksOpen("contract_ended", f.freelancer, "ended by the client");
    await writeReview(ctx, f.freelancer, f.contractId, { rating: 5, comment: "Kind and clear client." });
    await linksOpen("contract_ended", f.freelancer, "reviewed");
  },
  async payment_failed() {
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Card work", amount: 20_000 });
    const started = await fundMilestone(ctx, f.client, m.id, { provider: "stripe" });
    const intent = await declineCard(started.payment.providerRef!);
    expect((await deliver(stripeEvent("payment_intent.payment_failed", intent))).status).toBe(200);
    await linksOpen("payment_failed", f.client, "the card was declined");
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, f.client.id), eq(notifications.type, "payment_failed")));
    expect(note.body).toContain("Your card was declined.");
  },
  async payment_hold_expiring() {
    const staff = await admin();
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Held by card", amount: 10_000 });
    const started = await fundMilestone(ctx, f.client, m.id, { provider: "stripe" });
    const intent = await chargeCard(started.payment.providerRef!);
    expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);
    await flagAgingCardFunds(testContext(env, { now: new Date(Date.now() + 81 * DAY_MS) }).ctx);
    await linksOpen("payment_hold_expiring", f.client, "held for 81 days");
    await linksOpen("payment_hold_expiring", staff, "held for 81 days");
  },
  async dispute_opened() {
    const d = await disputed();
    await linksOpen("dispute_opened", d.freelancer, "open");
    await linksOpen("dispute_opened", d.client, "open (the opener)");
    await respondToDispute(ctx, d.freelancer, d.disputeId, { text: "The work was delivered on the shared drive." });
    await resolveDispute(ctx, await admin(), d.disputeId, { outcome: "refund", note: "No delivery shown." });
    await linksOpen("dispute_opened", d.freelancer, "decided");
  },
  async dispute_answered() {
    const d = await disputed();
    await respondToDispute(ctx, d.freelancer, d.disputeId, { text: "Delivered on time, see the files." });
    await linksOpen("dispute_answered", d.client, "answered");
    await resolveDispute(ctx, await admin(), d.disputeId, { outcome: "release", note: "Delivery confirmed." });
    await linksOpen("dispute_answered", d.client, "decided");
  },
  async dispute_resolved() {
    const d = await disputed();
    await resolveDispute(ctx, await admin(), d.disputeId, { outcome: "split", freelancerPercent: 50, note: "Half was delivered." });
    await linksOpen("dispute_resolved", d.client, "decided");
    await linksOpen("dispute_resolved", d.freelancer, "decided");
  },
  async review_received() {
    const f = await reviewedContract(ctx);
    await linksOpen("review_received", f.freelancer, "both reviews written");
    await linksOpen("review_received", f.client, "both reviews written");
  },
  async review_moderated() {
    const f = await reviewedContract(ctx);
    const staff = await admin();
    await hideReview(ctx, actor(staff), f.reviewId, { reason: "Personal details in the text." });
    await linksOpen("review_moderated", f.client, "hidden (the author)");
    await linksOpen("review_moderated", f.freelancer, "hidden (the subject)");
    await unhideReview(ctx, actor(staff), f.reviewId, { reason: "Edited by support." });
    await linksOpen("review_moderated", f.freelancer, "shown again");
  },
  async project_moderated() {
    const { client, project } = await applied();
    const staff = await admin();
    await hideProject(ctx, actor(staff), project.id, { reason: "Asks for payment outside the platform." });
    await linksOpen("project_moderated", client, "hidden");
    await unhideProject(ctx, actor(staff), project.id, { reason: "Fixed by the client." });
    await linksOpen("project_moderated", client, "shown again");
  },
  async call_incoming() {
    const f = await activeContract(ctx);
    const started = await call("/api/calls", { token: f.clientToken, body: { contractId: f.contractId } });
    expect(started.status).toBe(201);
    await linksOpen("call_incoming", f.freelancer, "ringing");
    expect((await call(`/api/calls/${started.body.call.id}/end`, { token: f.clientToken, body: {} })).status).toBe(200);
    await linksOpen("call_incoming", f.freelancer, "ended");
  },
  async meeting_proposed() {
    const f = await activeContract(ctx);
    const startsAt = new Date(ctx.clock.now().getTime() + 2 * DAY_MS).toISOString();
    const proposed = await call("/api/meetings", {
      token: f.clientToken,
      body: { contractId: f.contractId, title: "Kick-off", startsAt, durationMinutes: 30 },
    });
    expect(proposed.status).toBe(201);
    await linksOpen("meeting_proposed", f.freelancer, "proposed");
    expect((await call(`/api/meetings/${proposed.body.meeting.id}/decline`, { token: f.freelancerToken, body: {} })).status).toBe(200);
    await linksOpen("meeting_proposed", f.freelancer, "declined");
  },
  async meeting_answered() {
    const f = await activeContract(ctx);
    const startsAt = new Date(ctx.clock.now().getTime() + 2 * DAY_MS).toISOString();
    const { body } = await call("/api/meetings", {
      token: f.clientToken,
      body: { contractId: f.contractId, title: "Review", startsAt, durationMinutes: 60 },
    });
    expect((await call(`/api/meetings/${body.meeting.id}/accept`, { token: f.freelancerToken, body: {} })).status).toBe(200);
    await linksOpen("meeting_answered", f.client, "accepted");
    const later = new Date(ctx.clock.now().getTime() + 3 * DAY_MS).toISOString();
    expect((await call(`/api/meetings/${body.meeting.id}/reschedule`, { token: f.clientToken, body: { startsAt: later } })).status).toBe(
      200,
    );
    await linksOpen("meeting_answered", f.client, "moved to another time");
  },
  async meeting_reminder() {
    const f = await activeContract(ctx);
    const startsAt = new Date(ctx.clock.now().getTime() + 20 * 60 * 1000);
    const { body } = await call("/api/meetings", {
      token: f.clientToken,
      body: { contractId: f.contractId, title: "Stand-up", startsAt: startsAt.toISOString(), durationMinutes: 15 },
    });
    expect((await call(`/api/meetings/${body.meeting.id}/accept`, { token: f.freelancerToken, body: {} })).status).toBe(200);
    const { ctx: later } = testContext(env, { now: new Date(startsAt.getTime() - 10 * 60 * 1000) });
    expect(await remindMeeting(later, body.meeting.id, startsAt.getTime())).toBe("sent");
    await linksOpen("meeting_reminder", f.client, "about to start");
    await linksOpen("meeting_reminder", f.freelancer, "about to start");
  },
  async saved_search_match() {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const word = uniqueWord();
    await saveSearch(ctx, freelancer.user, { name: `${word} work`, query: `q=${word}` });
    const project = await postProject(ctx, client.user, projectBody({ title: `${word} storefront rebuild` }));
    expect(await alertSavedSearches(ctx, project.id)).toEqual({ alerted: 1 });
    await linksOpen("saved_search_match", freelancer.user, "open");
    await closeProject(ctx, client.user, project.id);
    await linksOpen("saved_search_match", freelancer.user, "closed");
  },
  async support_reply() {
    const requester = await createTestUser(env, { roles: ["client"] });
    const staff = await admin();
    const { ticket } = await openTicket(ctx, requester.user, {
      category: "account",
      subject: "Cannot change my e-mail",
      description: "The settings page refuses my new address every time I try.",
    });
    await replyToTicket(ctx, staff, ticket.id, { body: "Fixed on our side, please try again." });
    await replyToTicket(ctx, requester.user, ticket.id, { body: "It works now, thanks." });
    await linksOpen("support_reply", requester.user, "answered");
    await linksOpen("support_reply", staff, "the requester replied");
    await updateTicket(ctx, staff, ticket.id, { status: "closed" });
    await linksOpen("support_reply", requester.user, "closed");
  },
  async support_ticket_opened() {
    const staff = await admin();
    const requester = await createTestUser(env, { roles: ["freelancer"] });
    await openTicket(ctx, requester.user, {
      category: "payments",
      subject: "Payout missing",
      description: "My payout from last week has not arrived in my bank account yet.",
    });
    await linksOpen("support_ticket_opened", staff, "open");
  },
};

/** An active hourly contract with one submitted week; its timesheet notices link to the contract's time page. */
async function hourlyWeek() {
  const week = testContext(env, { now: new Date("2026-11-25T12:00:00Z") }).ctx;
  const f = await hourlyContract(week);
  await addManualEntry(week, f.freelancer, f.contractId, { date: "2026-11-24", minutes: 90 });
  const sheet = await submitTimesheet(week, f.freelancer, f.contractId, "2026-11-23");
  return { ...f, timesheetId: sheet.id };
}

describe("every notification opens its page", () => {
  it.each(NOTIFICATION_TYPE_NAMES)("%s", async (type) => {
    await scenarios[type]();
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getContractDetail } from "../domain/contracts/queries";
import { acceptContract } from "../domain/contracts/lifecycle";
import { addMilestone } from "../domain/milestones/manage";
import { postProject } from "../domain/projects/projects";
import { sendProposal } from "../domain/proposals/send";
import { domainContextFromEnv } from "../platform/domain-context";
import { coverLetter, projectBody, uniqueWord } from "../test-support/market";
import { createTestUser } from "../test-support/users";
import { browserFor, htmlOf } from "../test-support/web";

const ORIGIN = "http://localhost";

/** The page's text with quotes as a reader sees them (the entities React writes for " and ' decoded). */
const readable = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

async function proposalOnNewProject(word: string) {
  const ctx = domainContextFromEnv(env);
  const client = (await createTestUser(ctx, { roles: ["client"] })).user;
  const freelancer = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
  const project = await postProject(ctx, client, projectBody({ title: `Chart the ${word} sales` }));
  const proposal = await sendProposal(ctx, freelancer, project.id, {
    coverLetter: coverLetter(word),
    bidAmount: 150_000,
    estimatedDays: 9,
  });
  return { ctx, client, freelancer, project, proposal };
}

describe("the offer page without JavaScript", () => {
  it("shows the review page first, sends the offer only when confirmed, and lists it under Offers", async () => {
    const word = uniqueWord();
    const { ctx, client, freelancer, proposal } = await proposalOnNewProject(word);
    const b = await browserFor(client);
    const path = `/client/proposals/${proposal.id}/offer`;

    const form = await b.get(path);
    expect(form.status).toBe(200);
    const formHtml = readable(form.html);
    expect(formHtml).toContain(`Hire ${freelancer.name}`);
    expect(formHtml).toContain("Review offer");

    const fields: Array<[string, string]> = [
      ["title", `${word} dashboard`],
      ["type", "fixed"],
      ["milestones[0].title", "Charts"],
      ["milestones[0].amount", "900"],
      ["milestones[1].title", "Export"],
      ["milestones[1].amount", "600.50"],
      ["startDate", new Date().toISOString().slice(0, 10)],
      ["message", "Welcome aboard."],
    ];
    const review = await b.post(path, fields);
    expect(review.status).toBe(200);
    const reviewHtml = readable(await htmlOf(review));
    expect(reviewHtml).toContain(`Send this offer to ${freelancer.name}?`);
    expect(reviewHtml).toContain("Fixed price: $1,500.50 in 2 milestones");
    expect(reviewHtml).toContain('name="_confirmed" value="yes"');
    // Nothing was sent by the unconfirmed post.
    expect(readable((await b.get("/client/contracts?tab=offered")).html).includes(`${word} dashboard`)).toBe(false);

    const sent = await b.post(path, [...fields, ["_confirmed", "yes"]]);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toMatch(/^\/client\/contracts\?tab=offered&sent=/);
    const contractId = new URL(sent.headers.get("location")!, ORIGIN).searchParams.get("sent")!;
    const contract = await getContractDetail(ctx, client.id, contractId);
    expect(contract).toMatchObject({ status: "offered", title: `${word} dashboard`, amount: 150_050, offerMessage: "Welcome aboard." });
    expect(contract.milestones.map((m) => [m.title, m.amount])).toEqual([
      ["Charts", 90_000],
      ["Export", 60_050],
    ]);

    const list = readable((await b.get("/client/contracts?tab=offered")).html);
    expect(list).toContain(`${word} dashboard`);
    expect(list).toContain("Waiting for the freelancer to answer");
    expect(list).toContain("Offers<span");

    // The proposal is decided now: the page says so instead of showing the form again.
    const again = readable((await b.get(path)).html);
    expect(again).toContain("You cannot make an offer on this proposal now");
  });

  it("brings field errors back to the form and is a 404 for anyone but the project's client", async () => {
    const word = uniqueWord();
    const { freelancer, proposal } = await proposalOnNewProject(word);
    const stranger = (await createTestUser(env, { roles: ["client"] })).user;
    expect((await (await browserFor(stranger)).get(`/client/proposals/${proposal.id}/offer`)).status).toBe(404);
    const own = await browserFor(freelancer);
    expect((await own.get(`/freelancer/proposals/${proposal.id}`)).status).toBe(200);
    expect((await (await browserFor(stranger)).get(`/freelancer/proposals/${proposal.id}`)).status).toBeGreaterThanOrEqual(400);
  });
});

describe("money moves on the contract page only after a confirmation", () => {
  it("answers an unconfirmed fund with a confirmation page naming the amount, and funds when confirmed", async () => {
    const word = uniqueWord();
    const { ctx, client, freelancer, proposal } = await proposalOnNewProject(word);
    const { acceptProposal } = await import("../domain/proposals/decide");
    const { contract } = await acceptProposal(ctx, client, proposal.id);
    await acceptContract(ctx, freelancer, contract.id);
    const milestone = await addMilestone(ctx, client, contract.id, { title: `${word} charts`, amount: 42_000 });
    const b = await browserFor(client);
    const fields = { intent: "fund", milestoneId: milestone.id, key: `fund-${word}` };

    const asked = await b.post(`/contracts/${contract.id}`, fields);
    expect(asked.status).toBe(200);
    const page = readable(await htmlOf(asked));
    expect(page).toContain("Fund $420.00?");
    expect(page).toContain(`$420.00 for “${word} charts” is charged to you and held in escrow.`);
    expect((await getContractDetail(ctx, client.id, contract.id)).funds.held).toBe(0);

    const done = await b.post(`/contracts/${contract.id}`, { ...fields, _confirmed: "yes" });
    expect(done.status).toBe(302);
    const after = await getContractDetail(ctx, client.id, contract.id);
    expect(after.funds.held).toBe(42_000);
    expect(after.milestones[0].status).toBe("funded");

    // Ending is confirmed too; unconfirmed, the contract stays active.
    const end = await b.post(`/contracts/${contract.id}`, { intent: "end", reason: "Plans changed" });
    expect(readable(await htmlOf(end))).toContain("End this contract?");
    expect((await getContractDetail(ctx, client.id, contract.id)).status).toBe("active");
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { postProject } from "../domain/projects/projects";
import { getProposal } from "../domain/proposals/list";
import { myProposalOn } from "../domain/proposals/mine";
import { sendProposal } from "../domain/proposals/send";
import { domainContextFromEnv } from "../platform/domain-context";
import { coverLetter, projectBody, uniqueWord } from "../test-support/market";
import { createTestUser } from "../test-support/users";
import { browserFor, htmlOf } from "../test-support/web";

/** A form post's answer as the browser reads it. */
const answer = async (res: Response) => ({ status: res.status, html: await htmlOf(res) });

async function people() {
  const ctx = domainContextFromEnv(env);
  const client = (await createTestUser(ctx, { roles: ["client"] })).user;
  const freelancer = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
  return { ctx, client, freelancer };
}

describe("an hourly bid on the pages", () => {
  it("is asked as a rate and hours per week, and every page shows it as “/h · h/week”; the offer's limit starts at those hours", async () => {
    const { ctx, client, freelancer } = await people();
    const word = uniqueWord();
    const project = await postProject(
      ctx,
      client,
      projectBody({ title: `Look after the ${word} site`, budgetType: "hourly", budgetMin: 2_000, budgetMax: 5_000 }),
    );
    const f = await browserFor(freelancer);
    const post = (path: string, fields: Record<string, string>) => f.post(path, fields).then(answer);

    const form = await f.get(`/projects/${project.id}`);
    expect(form.html).toContain("Hours per week");
    expect(form.html).toContain("Hourly rate (USD an hour)");
    expect(form.html).not.toContain("Estimated days");

    const letter = coverLetter(word);
    const withoutHours = await post(`/projects/${project.id}`, { intent: "send-proposal", coverLetter: letter, bidAmount: "30" });
    expect(withoutHours.status).toBe(400);
    expect(withoutHours.html).toContain("Enter the hours a week you can give this project.");
    expect(await myProposalOn(ctx, freelancer, project.id)).toBeNull();
    const tooMany = await post(`/projects/${project.id}`, {
      intent: "send-proposal",
      coverLetter: letter,
      bidAmount: "30",
      weeklyHours: "81",
    });
    expect(tooMany.html).toContain("At most 80 hours a week.");

    const sent = await post(`/projects/${project.id}`, {
      intent: "send-proposal",
      coverLetter: letter,
      bidAmount: "30",
      weeklyHours: "20",
    });
    expect(sent.status).toBe(200);
    const mine = await myProposalOn(ctx, freelancer, project.id);
    const proposal = await getProposal(ctx, freelancer, mine!.id);
    expect(proposal).toMatchObject({ bidAmount: 3_000, weeklyHours: 20, estimatedDays: null });

    const c = await browserFor(client);
    const proposals = await c.get(`/projects/${project.id}`);
    expect(proposals.html).toContain("Bid $30.00/h · 20 h/week");
    expect(proposals.html).not.toMatch(/\$30\.00 · \d+ days?/);

    const list = await f.get("/freelancer/proposals");
    expect(list.html).toContain("Bid $30.00/h · 20 h/week");
    const page = await f.get(`/freelancer/proposals/${proposal.id}`);
    expect(page.html).toContain("$30.00/h");
    expect(page.html).toContain("Hours per week");
    expect(page.html).toContain("20 h/week");
    expect(page.html).not.toContain("Estimated days");
    expect(page.html).toMatch(/name="weeklyHours"[^>]*value="20"|value="20"[^>]*name="weeklyHours"/);

    const edited = await post(`/freelancer/proposals/${proposal.id}`, {
      intent: "edit",
      coverLetter: letter,
      bidAmount: "32.50",
      weeklyHours: "25",
    });
    expect(edited.status).toBe(302);
    expect(await getProposal(ctx, freelancer, proposal.id)).toMatchObject({ bidAmount: 3_250, weeklyHours: 25 });
    expect((await f.get("/freelancer")).html).toContain("Bid $32.50/h");

    const hire = await c.get(`/client/proposals/${proposal.id}/offer`);
    expect(hire.html).toContain("Bid $32.50/h · 25 h/week");
    expect(hire.html).toMatch(/name="weeklyHourLimit"[^>]*value="25"|value="25"[^>]*name="weeklyHourLimit"/);
  });

  it("leaves fixed-price bids in days", async () => {
    const { ctx, client, freelancer } = await people();
    const project = await postProject(ctx, client, projectBody({ title: `Chart the ${uniqueWord()} sales` }));
    const f = await browserFor(freelancer);
    const form = await f.get(`/projects/${project.id}`);
    expect(form.html).toContain("Estimated days");
    expect(form.html).not.toContain("Hours per week");
    const proposal = await sendProposal(ctx, freelancer, project.id, { coverLetter: coverLetter(), bidAmount: 150_000, estimatedDays: 9 });
    expect((await (await browserFor(client)).get(`/projects/${project.id}`)).html).toContain("Bid $1,500.00 · 9 days");
    expect((await f.get("/freelancer/proposals")).html).toContain("Bid $1,500.00 · 9 days");
    expect((await (await browserFor(client)).get(`/client/proposals/${proposal.id}/offer`)).html).toContain("Bid $1,500.00 · 9 days");
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../test-support/api";
import { coverLetter, projectBody, uniqueWord } from "../test-support/market";
import { createTestUser } from "../test-support/users";

type Tokens = { token: string };

const today = () => new Date().toISOString().slice(0, 10);

/** A client's project (titled with `word`) and one freelancer's pending proposal on it. */
async function proposalOnProject(word: string, overrides: Parameters<typeof projectBody>[0] = {}) {
  const client = await createTestUser(env, { roles: ["client"] });
  const freelancer = await createTestUser(env, { roles: ["freelancer"] });
  const project = await call("/api/projects", {
    token: client.accessToken,
    body: projectBody({ title: `Chart the ${word} sales`, ...overrides }),
  });
  expect(project.status).toBe(201);
  const proposal = await call(`/api/projects/${project.body.project.id}/proposals`, {
    token: freelancer.accessToken,
    body: {
      coverLetter: coverLetter(word),
      bidAmount: 150_000,
      ...(overrides.budgetType === "hourly" ? { weeklyHours: 20 } : { estimatedDays: 9 }),
    },
  });
  expect(proposal.status).toBe(201);
  return {
    client,
    freelancer,
    c: { token: client.accessToken } as Tokens,
    f: { token: freelancer.accessToken } as Tokens,
    projectId: project.body.project.id as string,
    proposalId: proposal.body.proposal.id as string,
  };
}

const fixedOffer = (word: string) => ({
  type: "fixed",
  title: `${word} dashboard`,
  milestones: [
    { title: "Charts", amount: 90_000, dueDate: "2031-03-01" },
    { title: "Export", amount: 60_050 },
  ],
  startDate: today(),
  message: "Welcome aboard.",
});

describe("POST /api/proposals/:id/offer", () => {
  it("hires with an offer: the proposal is hired, the contract waits as an offer with the terms, milestones and message", async () => {
    const word = uniqueWord();
    const { client, freelancer, c, f, projectId, proposalId } = await proposalOnProject(word);

    const sent = await call(`/api/proposals/${proposalId}/offer`, { ...c, body: fixedOffer(word) });
    expect(sent.status).toBe(201);
    expect(sent.body.contract).toMatchObject({
      status: "offered",
      title: `${word} dashboard`,
      offerMessage: "Welcome aboard.",
      type: "fixed",
      amount: 150_050,
      currency: "USD",
      startDate: today(),
      proposalId,
      project: { id: projectId },
    });
    expect(
      sent.body.contract.milestones.map((m: { title: string; amount: number; status: string }) => [m.title, m.amount, m.status]),
    ).toEqual([
      ["Charts", 90_000, "pending"],
      ["Export", 60_050, "pending"],
    ]);
    const contractId = sent.body.contract.id as string;

    // The freelancer is told, with a link to the offer itself.
    const notes = await call("/api/notifications", f);
    expect(notes.body.items).toContainEqual(expect.objectContaining({ link: `/contracts/${contractId}` }));

    // Both lists show it under Offers, with the other party, nothing in escrow yet, and whose move it is.
    const theirs = await call("/api/contracts?role=freelancer&status=offered", f);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ total: 1, nextCursor: null });
    expect(theirs.body.items[0]).toMatchObject({
      id: contractId,
      otherParty: { id: client.user.id, name: client.user.name },
      funds: { held: 0 },
      nextAction: { label: "Accept or decline the offer", by: "you" },
    });
    const mine = await call("/api/contracts?role=client&status=offered", c);
    expect(mine.body).toMatchObject({ total: 1 });
    expect(mine.body.items[0]).toMatchObject({
      otherParty: { id: freelancer.user.id, name: freelancer.user.name },
      nextAction: { label: "Waiting for the freelancer to answer", by: "other" },
    });
    // The freelancer holds no client-side contracts.
    expect((await call("/api/contracts?role=client", f)).body).toMatchObject({ items: [], total: 0 });

    // The proposal is "hired" in the freelancer's list and links to the offer.
    const hired = await call("/api/proposals/mine?status=hired", f);
    expect(hired.body).toMatchObject({
      total: 1,
      items: [{ id: proposalId, stage: "hired", contract: { id: contractId, status: "offered" } }],
    });

    // A second offer on the same proposal is refused and writes nothing.
    const again = await call(`/api/proposals/${proposalId}/offer`, { ...c, body: fixedOffer(word) });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "proposal_decided" } } });
    expect((await call("/api/contracts?role=client", c)).body.total).toBe(1);
  });

  it("sends an hourly offer with a rate and a weekly limit", async () => {
    const word = uniqueWord();
    const { c, proposalId } = await proposalOnProject(word, { budgetType: "hourly", budgetMin: 5_000, budgetMax: 9_000 });
    const sent = await call(`/api/proposals/${proposalId}/offer`, {
      ...c,
      body: { type: "hourly", title: `${word} support`, hourlyRate: 7_500, weeklyHourLimit: 20, startDate: today() },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.contract).toMatchObject({ type: "hourly", hourlyRate: 7_500, weeklyHourLimit: 20, amount: null, milestones: [] });
  });

  it("refuses bad offers with field errors, and anyone but the project's client", async () => {
    const word = uniqueWord();
    const { c, f, proposalId } = await proposalOnProject(word);
    const bad: Array<[unknown, string]> = [
      [{ ...fixedOffer(word), milestones: [] }, "milestones"],
      [{ ...fixedOffer(word), milestones: [{ title: "Half a cent", amount: 10.5 }] }, "milestones"],
      [{ ...fixedOffer(word), title: " " }, "title"],
      [{ ...fixedOffer(word), startDate: "2031-02-30" }, "startDate"],
      [{ ...fixedOffer(word), startDate: "2020-01-01" }, "startDate"],
      [{ type: "hourly", title: "x", hourlyRate: 5_000, weeklyHourLimit: 500, startDate: today() }, "weeklyHourLimit"],
    ];
    for (const [body, field] of bad) {
      const res = await call(`/api/proposals/${proposalId}/offer`, { ...c, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.body.error.fields ?? {}).join(" "), JSON.stringify(body)).toContain(field);
    }
    const stranger = await createTestUser(env, { roles: ["client"] });
    expect((await call(`/api/proposals/${proposalId}/offer`, { token: stranger.accessToken, body: fixedOffer(word) })).status).toBe(404);
    expect((await call(`/api/proposals/${proposalId}/offer`, { ...f, body: fixedOffer(word) })).status).toBe(403);
    expect((await call(`/api/proposals/${proposalId}/offer`, { body: fixedOffer(word) })).status).toBe(401);
    // Nothing was written: the proposal is still pending and can be hired.
    expect((await call("/api/proposals/mine", f)).body.items[0]).toMatchObject({ stage: "pending", contract: null });
  });
});

describe("a project's lifecycle and the contracts list as the work goes on", () => {
  it("goes open -> in progress on hire -> completed when the contract ends, and reopens for more hires", async () => {
    const word = uniqueWord();
    const { client, c, f, projectId, proposalId } = await proposalOnProject(word);
    const contractId = (await call(`/api/proposals/${proposalId}/offer`, { ...c, body: fixedOffer(word) })).body.contract.id as string;
    // An offer alone keeps the project open: other freelancers may still propose.
    expect((await call(`/api/projects/${projectId}`, c)).body.project.status).toBe("open");

    expect((await call(`/api/contracts/${contractId}/accept`, { ...f, method: "POST" })).body.contract.status).toBe("active");
    expect((await call(`/api/projects/${projectId}`, c)).body.project.status).toBe("in_progress");

    // Search shows open projects only, unless asked for another status.
    expect((await call(`/api/projects?q=${word}`)).body).toMatchObject({ items: [], total: 0 });
    expect((await call(`/api/projects?q=${word}&status=in_progress`)).body).toMatchObject({ total: 1, items: [{ id: projectId }] });
    expect((await call(`/api/projects?q=${word}&status=any`)).body.total).toBe(1);

    // No new proposals while in progress.
    const late = await createTestUser(env, { roles: ["freelancer"] });
    const refused = await call(`/api/projects/${projectId}/proposals`, {
      token: late.accessToken,
      body: { coverLetter: coverLetter(`${word}-late`), bidAmount: 100_000, estimatedDays: 5 },
    });
    expect(refused.status).toBe(409);

    // Funding shows in escrow on both lists, and the next step moves to the freelancer.
    const detail = await call(`/api/contracts/${contractId}`, c);
    const [first] = detail.body.contract.milestones as Array<{ id: string }>;
    expect((await call(`/api/milestones/${first.id}/fund`, { ...c, body: { provider: "sandbox" } })).status).toBe(200);
    const active = await call("/api/contracts?role=freelancer&status=active", f);
    expect(active.body).toMatchObject({ total: 1 });
    expect(active.body.items[0]).toMatchObject({
      id: contractId,
      funds: { held: 90_000 },
      nextAction: { label: "Submit your work", by: "you" },
    });
    const clientActive = (await call("/api/contracts?role=client&status=active", c)).body.items[0];
    expect(clientActive).toMatchObject({ funds: { held: 90_000 }, nextAction: { label: "Fund the next milestone", by: "you" } });

    // Search by title and by the other party's name; a miss is an empty page with a zero total.
    expect((await call(`/api/contracts?role=client&q=${word}`, c)).body.total).toBe(1);
    expect((await call(`/api/contracts?role=freelancer&q=${encodeURIComponent(client.user.name)}`, f)).body.total).toBe(1);
    expect((await call(`/api/contracts?role=client&q=nothing${word}`, c)).body).toEqual({ items: [], nextCursor: null, total: 0 });

    // Ending completes the project; the contract moves to Ended with a review to leave.
    const ended = await call(`/api/contracts/${contractId}/end`, { ...c, body: { reason: "All done" } });
    expect(ended.body.contract).toMatchObject({ status: "ended", funds: { held: 0 } });
    expect((await call(`/api/projects/${projectId}`, c)).body.project.status).toBe("completed");
    const endedList = await call("/api/contracts?role=client&status=ended", c);
    expect(endedList.body).toMatchObject({ total: 1, items: [{ id: contractId, nextAction: { label: "Leave a review", by: "you" } }] });
    expect((await call("/api/contracts?role=client&status=active", c)).body.total).toBe(0);

    // Reopened for more hires, it takes proposals again.
    expect((await call(`/api/projects/${projectId}/reopen`, { ...c, method: "POST" })).body.project.status).toBe("open");
    const more = await call(`/api/projects/${projectId}/proposals`, {
      token: late.accessToken,
      body: { coverLetter: coverLetter(`${word}-more`), bidAmount: 100_000, estimatedDays: 5 },
    });
    expect(more.status).toBe(201);
  });

  it("lists a declined offer under Ended and keeps the project open", async () => {
    const word = uniqueWord();
    const { c, f, projectId, proposalId } = await proposalOnProject(word);
    const contractId = (await call(`/api/proposals/${proposalId}/offer`, { ...c, body: fixedOffer(word) })).body.contract.id as string;
    expect((await call(`/api/contracts/${contractId}/decline`, { ...f, body: { reason: "Booked that month" } })).status).toBe(200);
    expect((await call("/api/contracts?role=client&status=ended", c)).body).toMatchObject({
      total: 1,
      items: [{ id: contractId, status: "declined", nextAction: { label: "Offer declined", by: "nobody" } }],
    });
    expect((await call("/api/contracts?role=client&status=declined", c)).body.total).toBe(1);
    expect((await call("/api/contracts?role=client&status=offered", c)).body.total).toBe(0);
    expect((await call(`/api/projects/${projectId}`, c)).body.project.status).toBe("open");
  });
});

describe("GET /api/proposals/mine", () => {
  it("filters a freelancer's proposals by status with a total, pages them, and answers only freelancers", async () => {
    const word = uniqueWord();
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const f = { token: freelancer.accessToken };
    const client = await createTestUser(env, { roles: ["client"] });
    const c = { token: client.accessToken };
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const project = await call("/api/projects", { ...c, body: projectBody({ title: `Chart the ${word} sales ${n}` }) });
      const sent = await call(`/api/projects/${project.body.project.id}/proposals`, {
        ...f,
        body: { coverLetter: coverLetter(`${word}${n}`), bidAmount: 120_000, estimatedDays: 7 },
      });
      expect(sent.status).toBe(201);
      ids.push(sent.body.proposal.id);
    }
    expect((await call(`/api/proposals/${ids[0]}/reject`, { ...c, body: { reason: "Went another way" } })).status).toBe(200);
    expect((await call(`/api/proposals/${ids[1]}/withdraw`, { ...f, method: "POST" })).status).toBe(200);
    expect((await call(`/api/proposals/${ids[2]}/shortlist`, { ...c, method: "POST" })).status).toBe(200);

    const all = await call("/api/proposals/mine", f);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([...ids].reverse());
    for (const [status, id] of [
      ["declined", ids[0]],
      ["withdrawn", ids[1]],
      ["shortlisted", ids[2]],
      ["pending", ids[3]],
    ] as const) {
      const page = await call(`/api/proposals/mine?status=${status}`, f);
      expect(page.body, status).toMatchObject({ total: 1, nextCursor: null, items: [{ id, stage: status }] });
    }
    expect((await call("/api/proposals/mine?status=hired", f)).body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await call("/api/proposals/mine?status=declined", f)).body.items[0].declineReason).toBe("Went another way");

    const first = await call("/api/proposals/mine?limit=3", f);
    expect(first.body).toMatchObject({ total: 4, nextCursor: expect.any(String) });
    expect(first.body.items).toHaveLength(3);
    const second = await call(`/api/proposals/mine?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`, f);
    expect(second.body).toMatchObject({ total: 4, nextCursor: null, items: [{ id: ids[0] }] });

    expect((await call("/api/proposals/mine?status=nonsense", f)).status).toBe(422);
    expect((await call("/api/proposals/mine", c)).status).toBe(403);
    expect((await call("/api/proposals/mine")).status).toBe(401);
  });
});

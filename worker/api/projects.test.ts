import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { projectBody, uniqueWord } from "../test-support/market";
import { callApi, createTestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);
const client = () => createTestUser(env, { roles: ["client"] });

describe("POST /api/projects", () => {
  it("creates a project for a verified client and answers 201 {project}", async () => {
    const { accessToken, user } = await client();
    const res = await call("POST", "/api/projects", accessToken, projectBody({ skills: ["JS", "Postgres"] }));
    expect(res.status).toBe(201);
    expect(res.body.project.id).toEqual(expect.any(String));
    expect(res.body.project.clientId).toBe(user.id);
    expect(res.body.project.skills.map((s: { slug: string }) => s.slug).sort()).toEqual(["javascript", "postgresql"]);
  });

  it("answers 401 without a token, 403 for a freelancer and 403 email_unverified for an unverified client", async () => {
    expect((await call("POST", "/api/projects", null, projectBody())).status).toBe(401);
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    expect((await call("POST", "/api/projects", freelancer.accessToken, projectBody())).status).toBe(403);
    const unverified = await createTestUser(env, { roles: ["client"], verified: false });
    const res = await call("POST", "/api/projects", unverified.accessToken, projectBody());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("email_unverified");
  });

  it("answers 422 with field errors for bad budgets, currencies and missing fields", async () => {
    const { accessToken } = await client();
    const budget = await call("POST", "/api/projects", accessToken, projectBody({ budgetMin: 5000, budgetMax: 100 }));
    expect(budget.status).toBe(422);
    expect(budget.body.error.fields.budgetMin).toBeDefined();
    const currency = await call("POST", "/api/projects", accessToken, projectBody({ currency: "ABC" }));
    expect(currency.status).toBe(422);
    expect(currency.body.error.fields.currency).toBeDefined();
    const missing = await call("POST", "/api/projects", accessToken, { title: "Only a title here" });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.error.fields)).toEqual(expect.arrayContaining(["description", "category", "budgetType"]));
  });
});

describe("/api/projects/:id", () => {
  it("reads, edits, closes, reopens and deletes; other users get 403 and unknown ids 404", async () => {
    const owner = await client();
    const other = await client();
    const { body } = await call("POST", "/api/projects", owner.accessToken, projectBody());
    const id = body.project.id as string;
    expect((await call("GET", `/api/projects/${id}`)).body.project.title).toBe(body.project.title);

    expect((await call("PATCH", `/api/projects/${id}`, other.accessToken, { title: "Not yours to edit" })).status).toBe(403);
    expect((await call("PATCH", `/api/projects/nope`, owner.accessToken, { title: "Nothing here" })).status).toBe(404);
    expect((await call("PATCH", `/api/projects/${id}`, null, { title: "Anonymous edit" })).status).toBe(401);
    const edited = await call("PATCH", `/api/projects/${id}`, owner.accessToken, { title: "A better project title", budgetMax: 260_000 });
    expect(edited.status).toBe(200);
    expect(edited.body.project).toMatchObject({ title: "A better project title", budgetMax: 260_000 });

    expect((await call("POST", `/api/projects/${id}/close`, other.accessToken)).status).toBe(403);
    expect((await call("POST", `/api/projects/${id}/close`, owner.accessToken)).body.project.status).toBe("closed");
    expect((await call("POST", `/api/projects/${id}/reopen`, owner.accessToken)).body.project.status).toBe("open");

    expect((await call("DELETE", `/api/projects/${id}`, other.accessToken)).status).toBe(403);
    expect((await call("DELETE", `/api/projects/${id}`, owner.accessToken)).status).toBe(200);
    expect((await call("GET", `/api/projects/${id}`)).status).toBe(404);
    expect((await call("DELETE", `/api/projects/${id}`, owner.accessToken)).status).toBe(404);
  });

  it("hides invite-only projects from everyone but the owner and invited freelancers", async () => {
    const owner = await client();
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const { body } = await call("POST", "/api/projects", owner.accessToken, projectBody({ visibility: "invite_only" }));
    const id = body.project.id as string;
    expect((await call("GET", `/api/projects/${id}`)).status).toBe(404);
    expect((await call("GET", `/api/projects/${id}`, freelancer.accessToken)).status).toBe(404);
    expect((await call("POST", `/api/projects/${id}/invites`, owner.accessToken, { freelancerId: freelancer.user.id })).status).toBe(201);
    expect((await call("GET", `/api/projects/${id}`, freelancer.accessToken)).status).toBe(200);
  });
});

describe("GET /api/projects (search)", () => {
  it("answers {items, nextCursor, total}, alias-aware, and never 500s on FTS syntax", async () => {
    const owner = await client();
    const word = uniqueWord();
    for (let i = 0; i < 3; i++)
      await call("POST", "/api/projects", owner.accessToken, projectBody({ title: `${word} number ${i}`, skills: ["JavaScript"] }));
    const page = await call("GET", `/api/projects?q=${word}&skills=JS&limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const next = await call("GET", `/api/projects?q=${word}&skills=JS&limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    for (const q of ['"foo AND (bar', "NEAR(", "***", "title:", "%"]) {
      const res = await call("GET", `/api/projects?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await call("GET", "/api/projects?limit=51")).status).toBe(422);
    expect((await call("GET", "/api/projects?cursor=not-a-cursor")).status).toBe(400);
  });

  it("lists the caller's own projects with mine=true (clients only)", async () => {
    const owner = await client();
    const created = await call("POST", "/api/projects", owner.accessToken, projectBody({ visibility: "invite_only" }));
    const mine = await call("GET", "/api/projects?mine=true", owner.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.project.id]);
    expect((await call("GET", "/api/projects?mine=true")).status).toBe(401);
  });
});

describe("the API document", () => {
  it("describes the marketplace routes", async () => {
    const res = await SELF.fetch("http://localhost/api/openapi.json");
    const spec = (await res.json()) as { paths: Record<string, unknown> };
    for (const path of [
      "/api/projects",
      "/api/projects/{id}/proposals",
      "/api/proposals/{id}/accept",
      "/api/skills",
      "/api/freelancers/{handle}",
      "/api/uploads",
      "/api/notifications/preferences",
      "/api/favorites/projects/{id}",
      "/api/clients/me/dashboard",
    ]) {
      expect(Object.keys(spec.paths), path).toContain(path);
    }
  });

  it("takes skills as repeated query keys as well as a comma list", async () => {
    const owner = await client();
    const word = uniqueWord();
    await call("POST", "/api/projects", owner.accessToken, projectBody({ title: `${word} one`, skills: ["Python"] }));
    await call("POST", "/api/projects", owner.accessToken, projectBody({ title: `${word} two`, skills: ["Rust"] }));
    expect((await call("GET", `/api/projects?q=${word}&skills=python&skills=rust`)).body.total).toBe(2);
    expect((await call("GET", `/api/projects?q=${word}&skills=python,rust`)).body.total).toBe(2);
    expect((await call("GET", `/api/projects?q=${word}&skills=rust`)).body.total).toBe(1);
  });
});

import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { savedSearches } from "../../db/schema";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";

const { ctx } = testContext(env);
const rowsOf = (userId: string) => ctx.db.select().from(savedSearches).where(eq(savedSearches.userId, userId));

describe("saved searches API", () => {
  it("saves the /projects filters by name, lists them newest first, switches alerts and deletes", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const saved = await call("/api/saved-searches", {
      token: me.accessToken,
      body: { name: "  React gigs  ", query: "?q=react&budgetType=fixed&min=500&cursor=abc&unknown=1" },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.savedSearch).toMatchObject({
      name: "React gigs",
      query: "q=react&budgetType=fixed&min=500",
      frequency: "instant",
      href: "/projects?q=react&budgetType=fixed&min=500",
    });
    const second = await call("/api/saved-searches", {
      token: me.accessToken,
      body: { name: "Everything", query: "", frequency: "daily" },
    });
    expect(second.status).toBe(201);
    expect(second.body.savedSearch).toMatchObject({ query: "", href: "/projects", frequency: "daily" });

    const list = await call("/api/saved-searches", { token: me.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(["Everything", "React gigs"]);
    const firstPage = await call("/api/saved-searches?limit=1", { token: me.accessToken });
    expect(firstPage.body.items).toHaveLength(1);
    const nextPage = await call(`/api/saved-searches?limit=1&cursor=${firstPage.body.nextCursor}`, { token: me.accessToken });
    expect(nextPage.body.items.map((s: { name: string }) => s.name)).toEqual(["React gigs"]);
    expect(nextPage.body.nextCursor).toBeNull();

    const id = saved.body.savedSearch.id as string;
    const switched = await call(`/api/saved-searches/${id}`, { method: "PATCH", token: me.accessToken, body: { frequency: "daily" } });
    expect(switched.status).toBe(200);
    expect(switched.body.savedSearch.frequency).toBe("daily");

    const removed = await call(`/api/saved-searches/${id}`, { method: "DELETE", token: me.accessToken });
    expect(removed).toMatchObject({ status: 200, body: { removed: true } });
    expect((await call(`/api/saved-searches/${id}`, { method: "DELETE", token: me.accessToken })).status).toBe(404);
    expect((await rowsOf(me.user.id)).map((r) => r.name)).toEqual(["Everything"]);
  });

  it("refuses bad input with a clear error and saves nothing", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const cases: Array<[unknown, string, string]> = [
      [{ name: "", query: "q=react" }, "name", "Give the search a name."],
      [{ name: "x".repeat(81), query: "q=react" }, "name", "Names are at most 80 characters."],
      [{ name: "Bad budget", query: "min=lots" }, "query", "Enter the budget range as plain amounts, like 500 or 1500.50."],
      [{ name: "Bad level", query: "experienceLevel=guru" }, "query", "Some filters were not valid, so we cleared them."],
      [
        { name: "No such category", query: "category=underwater-basket-weaving" },
        "query",
        'There is no category "underwater-basket-weaving".',
      ],
      [{ name: "Bad frequency", query: "", frequency: "hourly" }, "frequency", "Choose instant, daily or none."],
      [{ query: "q=react" }, "name", ""],
    ];
    for (const [body, field, message] of cases) {
      const res = await call("/api/saved-searches", { token: me.accessToken, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.fields[field], JSON.stringify(res.body)).toBeDefined();
      if (message) expect(res.body.error.fields[field]).toContain(message);
    }
    expect(await rowsOf(me.user.id)).toEqual([]);
    const unchanged = await call("/api/saved-searches", { token: me.accessToken, body: { name: "Kept", query: "q=vue" } });
    const id = unchanged.body.savedSearch.id as string;
    const bad = await call(`/api/saved-searches/${id}`, { method: "PATCH", token: me.accessToken, body: { frequency: "weekly" } });
    expect(bad.status).toBe(422);
    const empty = await call(`/api/saved-searches/${id}`, { method: "PATCH", token: me.accessToken, body: {} });
    expect(empty.status).toBe(422);
    expect((await rowsOf(me.user.id)).map((r) => [r.name, r.frequency])).toEqual([["Kept", "instant"]]);
  });

  it("keeps each person's searches to themselves: another's is a 404 and stays as it was", async () => {
    const owner = await createTestUser(env, { roles: ["freelancer"] });
    const other = await createTestUser(env, { roles: ["freelancer"] });
    const { body } = await call("/api/saved-searches", { token: owner.accessToken, body: { name: "Mine", query: "q=go" } });
    const id = body.savedSearch.id as string;
    expect((await call(`/api/saved-searches/${id}`, { token: other.accessToken })).status).toBe(404);
    expect(
      (await call(`/api/saved-searches/${id}`, { method: "PATCH", token: other.accessToken, body: { frequency: "none" } })).status,
    ).toBe(404);
    const deleting = await call(`/api/saved-searches/${id}`, { method: "DELETE", token: other.accessToken });
    expect(deleting.status).toBe(404);
    expect(deleting.body.error.code).toBe("not_found");
    expect((await call("/api/saved-searches", { token: other.accessToken })).body.items).toEqual([]);
    expect((await rowsOf(owner.user.id)).map((r) => [r.id, r.frequency])).toEqual([[id, "instant"]]);
    expect((await call("/api/saved-searches")).status).toBe(401);
  });

  it("is for freelancers: a client gets a 403 and nothing is saved", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const res = await call("/api/saved-searches", { token: client.accessToken, body: { name: "Hiring", query: "" } });
    expect(res.status).toBe(403);
    expect(await rowsOf(client.user.id)).toEqual([]);
  });
});

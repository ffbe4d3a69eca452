import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { projectBody, uniqueWord } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import type { DomainContext } from "../context";
import type { ProjectInput } from "../projects/input";
import { closeProject, postProject } from "../projects/projects";
import { searchProjects, type ProjectSearchInput } from "./projects";
import { toFtsQuery } from "./fts";

const DAY_MS = 24 * 60 * 60 * 1000;

async function client(ctx: DomainContext) {
  return (await createTestUser(ctx, { roles: ["client"] })).user;
}

async function allPages(ctx: DomainContext, input: ProjectSearchInput) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await searchProjects(ctx, { ...input, cursor });
    ids.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 50);
  return ids;
}

describe("toFtsQuery", () => {
  it("quotes every token, strips quotes and drops punctuation-only tokens", () => {
    expect(toFtsQuery('"foo AND (bar')).toBe('"foo" "AND" "(bar"');
    expect(toFtsQuery("NEAR(a b) c* -d title:x")).toBe('"NEAR(a" "b)" "c*" "-d" "title:x"');
    expect(toFtsQuery(' " ( ) * ')).toBeNull();
    expect(toFtsQuery("")).toBeNull();
  });
});

describe("searching projects", () => {
  it("finds by title, description and skills (aliases too), title matches ranked first by bm25", async () => {
    const { ctx } = testContext(env);
    const user = await client(ctx);
    const word = uniqueWord();
    const inDescription = await postProject(
      ctx,
      user,
      projectBody({ description: `Long description that mentions ${word} once among many other words here.` }),
    );
    const inTitle = await postProject(ctx, user, projectBody({ title: `${word} migration project` }));
    const result = await searchProjects(ctx, { q: word });
    expect(result.items.map((p) => p.id)).toEqual([inTitle.id, inDescription.id]);
    expect(result.total).toBe(2);

    const pg = await postProject(ctx, user, projectBody({ title: `${word} database tuning`, skills: ["PostgreSQL"] }));
    const viaAlias = await searchProjects(ctx, { q: `${word} postgres` });
    expect(viaAlias.items.map((p) => p.id)).toEqual([pg.id]);
  });

  it("filters by skills alias-aware (JS finds JavaScript work)", async () => {
    const { ctx } = testContext(env);
    const user = await client(ctx);
    const word = uniqueWord();
    const js = await postProject(ctx, user, projectBody({ title: `${word} widget`, skills: ["JavaScript"] }));
    await postProject(ctx, user, projectBody({ title: `${word} gadget`, skills: ["Python"] }));
    const result = await searchProjects(ctx, { q: word, skills: "JS" });
    expect(result.items.map((p) => p.id)).toEqual([js.id]);
    const both = await searchProjects(ctx, { q: word, skills: ["js", "python"] });
    expect(both.total).toBe(2);
    await expect(searchProjects(ctx, { q: word, skills: "not-a-skill-at-all" })).rejects.toMatchObject({ status: 422 });
  });

  it("applies category, budget range, budget type, experience level and posted-within filters", async () => {
    const { ctx, clock } = testContext(env);
    const user = await client(ctx);
    const word = uniqueWord();
    const base = (o: Partial<ProjectInput>) => projectBody({ title: `${word} job`, ...o });
    clock.advance(-10 * DAY_MS);
    const old = await postProject(ctx, user, base({ budgetMin: 10_000, budgetMax: 20_000 }));
    clock.advance(10 * DAY_MS);
    const hourly = await postProject(
      ctx,
      user,
      base({ budgetType: "hourly", budgetMin: 3_000, budgetMax: 6_000, experienceLevel: "expert" }),
    );
    const design = await postProject(
      ctx,
      user,
      base({ category: "ui-ux-design", skills: ["Figma"], budgetMin: 500_000, budgetMax: 900_000 }),
    );
    const ids = async (input: ProjectSearchInput) => (await searchProjects(ctx, { q: word, ...input })).items.map((p) => p.id).sort();
    expect(await ids({ category: "ui-ux-design" })).toEqual([design.id]);
    expect(await ids({ budgetType: "hourly" })).toEqual([hourly.id]);
    expect(await ids({ experienceLevel: "expert" })).toEqual([hourly.id]);
    expect(await ids({ budgetMin: 400_000 })).toEqual([design.id]);
    expect(await ids({ budgetMax: 15_000 })).toEqual([hourly.id, old.id].sort());
    expect(await ids({ postedWithin: 5 })).toEqual([hourly.id, design.id].sort());
    await expect(searchProjects(ctx, { q: word, category: "nope" })).rejects.toMatchObject({ status: 422 });
  });

  it("leaves out closed and invite-only projects", async () => {
    const { ctx } = testContext(env);
    const user = await client(ctx);
    const word = uniqueWord();
    const visible = await postProject(ctx, user, projectBody({ title: `${word} visible` }));
    await postProject(ctx, user, projectBody({ title: `${word} secret`, visibility: "invite_only" }));
    const closed = await postProject(ctx, user, projectBody({ title: `${word} done` }));
    await closeProject(ctx, user, closed.id);
    expect((await searchProjects(ctx, { q: word })).items.map((p) => p.id)).toEqual([visible.id]);
  });

  it.each([['"foo AND (bar'], ["NEAR(x"], ["*"], ['title:"a'], ["))) OR ((("], ["-"], ["ä ö ü 漢字"], ["' OR 1=1 --"]])(
    "never fails on FTS syntax or typos: %s",
    async (q) => {
      const { ctx } = testContext(env);
      const result = await searchProjects(ctx, { q });
      expect(Array.isArray(result.items)).toBe(true);
      expect(result.total).toBeGreaterThanOrEqual(0);
    },
  );

  it("treats a query that is empty after cleaning as no text filter", async () => {
    const { ctx } = testContext(env);
    const result = await searchProjects(ctx, { q: ' " ( ) ', limit: 1 });
    const plain = await searchProjects(ctx, { limit: 1 });
    expect(result.total).toBe(plain.total);
  });

  it.each([["relevance"], ["newest"], ["budget"]] as const)("pages by %s without duplicates or gaps and counts the total", async (sort) => {
    const { ctx, clock } = testContext(env);
    const user = await client(ctx);
    const word = uniqueWord();
    const posted: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      const repeats = Array.from({ length: (i % 3) + 1 }, () => word).join(" ");
      posted.push(
        (await postProject(ctx, user, projectBody({ title: `${repeats} task ${i}`, budgetMin: 1000, budgetMax: 1000 * (1 + (i % 4)) }))).id,
      );
    }
    const first = await searchProjects(ctx, { q: word, sort, limit: 3 });
    expect(first.total).toBe(7);
    expect(first.items).toHaveLength(3);
    const ids = await allPages(ctx, { q: word, sort, limit: 3 });
    expect(ids).toHaveLength(7);
    expect(new Set(ids)).toEqual(new Set(posted));
    if (sort === "newest") expect(ids).toEqual([...posted].reverse());
  });

  it("lists without text newest first, with a hard page-size maximum and checked cursors", async () => {
    const { ctx, clock } = testContext(env);
    const user = await client(ctx);
    clock.advance(5000 * DAY_MS);
    const newest = await postProject(ctx, user, projectBody());
    const page = await searchProjects(ctx, { limit: 5 });
    expect(page.items[0].id).toBe(newest.id);
    expect(page.items.length).toBeLessThanOrEqual(5);
    await expect(searchProjects(ctx, { limit: 500 })).rejects.toMatchObject({ status: 422 });
    await expect(searchProjects(ctx, { cursor: "garbage!!" })).rejects.toMatchObject({ status: 400, code: "invalid_cursor" });
  });
});

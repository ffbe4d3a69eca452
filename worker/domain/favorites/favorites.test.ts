import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { projectBody, uniqueWord } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import { saveFreelancerProfile } from "../profiles/freelancer";
import { postProject, updateProject } from "../projects/projects";
import { listFavorites, saveFreelancer, saveProject, unsaveFreelancer, unsaveProject } from "./favorites";

describe("favorites", () => {
  it("saves projects once, lists newest first with pages, forgets them, and hides ones that became invisible", async () => {
    const { ctx, clock } = testContext(env);
    const client = (await createTestUser(ctx, { roles: ["client"] })).user;
    const me = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      const project = await postProject(ctx, client, projectBody({ title: `Saved project ${i}` }));
      ids.push(project.id);
      expect((await saveProject(ctx, me, project.id)).created).toBe(true);
    }
    expect((await saveProject(ctx, me, ids[0])).created).toBe(false);
    const first = await listFavorites(ctx, me, { type: "projects", limit: 2 });
    const second = await listFavorites(ctx, me, { type: "projects", limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((f) => f.project.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    await updateProject(ctx, client, ids[1], { visibility: "invite_only" });
    expect((await listFavorites(ctx, me, { type: "projects" })).items.map((f) => f.project.id)).toEqual([ids[2], ids[0]]);
    await expect(saveProject(ctx, me, ids[1])).rejects.toMatchObject({ status: 404 });
    expect(await unsaveProject(ctx, me, ids[0])).toEqual({ removed: true });
    expect(await unsaveProject(ctx, me, ids[0])).toEqual({ removed: false });
    await expect(saveProject(ctx, me, "no-such-project")).rejects.toMatchObject({ status: 404 });
  });

  it("saves freelancers by id or handle", async () => {
    const { ctx } = testContext(env);
    const client = (await createTestUser(ctx, { roles: ["client"] })).user;
    const freelancer = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    const handle = uniqueWord("fav");
    await saveFreelancerProfile(ctx, freelancer, { handle, headline: "Logo and brand designer" });
    await saveFreelancer(ctx, client, handle);
    expect((await saveFreelancer(ctx, client, freelancer.id)).created).toBe(false);
    const list = await listFavorites(ctx, client, { type: "freelancers" });
    expect(list.items.map((f) => f.freelancer.handle)).toEqual([handle]);
    await expect(saveFreelancer(ctx, client, client.id)).rejects.toMatchObject({ status: 404 });
    expect(await unsaveFreelancer(ctx, client, freelancer.id)).toEqual({ removed: true });
    expect((await listFavorites(ctx, client, { type: "freelancers" })).items).toEqual([]);
  });
});

import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { saveFreelancerProfile } from "../domain/profiles/freelancer";
import { testContext } from "../test-support/context";
import { projectBody, uniqueWord } from "../test-support/market";
import { callApi, createTestUser } from "../test-support/users";

/** Control characters (a NUL above all) end an FTS5 query string early; search text is cleaned of them. */
const DIRTY = ["\u0000", "\u0000\u0000", "\u0007", "\u001b", "\u007f"];

describe("search text with control characters", () => {
  it("is cleaned, not a 500, on the project and freelancer APIs and pages", async () => {
    const word = uniqueWord();
    const owner = await createTestUser(env, { roles: ["client"] });
    const posted = await callApi(SELF, "POST", "/api/projects", owner.accessToken, projectBody({ title: `${word} landing page` }));
    expect(posted.status).toBe(201);
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    await saveFreelancerProfile(ctx, user, { handle: uniqueWord("f"), headline: `${word} specialist`, skills: ["React"] });

    for (const dirt of DIRTY) {
      const q = encodeURIComponent(`${word}${dirt}`);
      const projects = await callApi(SELF, "GET", `/api/projects?q=${q}`);
      expect(projects.status, JSON.stringify(dirt)).toBe(200);
      expect(projects.body.items.map((p: { id: string }) => p.id)).toEqual([posted.body.project.id]);
      const freelancers = await callApi(SELF, "GET", `/api/freelancers?q=${q}`);
      expect(freelancers.status, JSON.stringify(dirt)).toBe(200);
      expect(freelancers.body.items.map((f: { userId: string }) => f.userId)).toEqual([user.id]);

      const projectsPage = await SELF.fetch(`http://localhost/projects?q=${q}`);
      expect(projectsPage.status, JSON.stringify(dirt)).toBe(200);
      expect(await projectsPage.text()).toContain(`${word} landing page`);
      const freelancersPage = await SELF.fetch(`http://localhost/freelancers?q=${q}`);
      expect(freelancersPage.status, JSON.stringify(dirt)).toBe(200);
      expect(await freelancersPage.text()).toContain(`${word} specialist`);
    }
    // Text that is nothing but control characters is no text filter at all.
    expect((await callApi(SELF, "GET", `/api/projects?q=${encodeURIComponent("\u0000")}`)).status).toBe(200);
  });
});

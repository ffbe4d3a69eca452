import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { portfolioItems, projects } from "../../db/schema";
import { activeContract } from "../domain/contracts/test-fixtures";
import { listFavorites } from "../domain/favorites/favorites";
import { getPublicFreelancerProfile } from "../domain/profiles/freelancer";
import { domainContextFromEnv } from "../platform/domain-context";
import { createProject } from "../test-support/messaging";
import { createTestUser } from "../test-support/users";
import { browserFor, htmlOf } from "../test-support/web";

const ORIGIN = "http://localhost";

let counter = 0;
function uniqueWord() {
  counter += 1;
  return `zq${Date.now().toString(36)}${counter}`;
}

function profileFields(handle: string, word: string): Record<string, string> {
  return {
    handle,
    headline: `Database tuning ${word}`,
    bio: "Ten years of making slow queries fast.",
    skills: "PostgreSQL:6\nReact",
    hourlyRate: "45.50",
    currency: "USD",
    availabilityHoursPerWeek: "30",
    timezone: "Europe/Berlin",
    languages: "English: native\nGerman: conversational",
    country: "de",
  };
}

describe("freelancer pages without JavaScript", () => {
  it("adds certification and education rows, refuses a bad year without saving, and shows the lists on the public page", async () => {
    const { user } = await createTestUser(env, { roles: ["freelancer"] });
    const b = await browserFor(user);
    const word = uniqueWord();
    const handle = `cert-${word}`;
    const added = await b.post("/freelancer/profile", {
      ...profileFields(handle, word),
      __intent__: JSON.stringify({ type: "insert", payload: { name: "certifications" } }),
    });
    expect(await htmlOf(added)).toContain('name="certifications[0].issuer"');
    const rows = {
      "certifications[0].name": "Certified Kubernetes Administrator",
      "certifications[0].issuer": "CNCF",
      "certifications[0].year": "2024",
      "education[0].school": "TU Berlin",
      "education[0].degree": "MSc",
      "education[0].field": "Databases",
      "education[0].startYear": "2014",
      "education[0].endYear": "2016",
    };
    const bad = await b.post("/freelancer/profile", { ...profileFields(handle, word), ...rows, "certifications[0].year": "1800" });
    expect(bad.status).toBe(400);
    expect(await htmlOf(bad)).toContain("Enter a year from 1950 on.");
    await expect(getPublicFreelancerProfile(domainContextFromEnv(env), handle)).rejects.toMatchObject({ status: 404 });

    expect((await b.post("/freelancer/profile", { ...profileFields(handle, word), ...rows })).status).toBe(302);
    const stored = await getPublicFreelancerProfile(domainContextFromEnv(env), handle);
    expect(stored.certifications).toEqual([{ name: "Certified Kubernetes Administrator", issuer: "CNCF", year: 2024 }]);
    expect(stored.languages).toEqual([
      { code: "en", name: "English", level: "native" },
      { code: "de", name: "German", level: "conversational" },
    ]);
    expect(stored.education).toEqual([{ school: "TU Berlin", degree: "MSc", field: "Databases", startYear: 2014, endYear: 2016 }]);
    const html = await htmlOf(await SELF.fetch(`${ORIGIN}/f/${handle}`, { headers: { Host: "localhost" } }));
    for (const text of ["Certified Kubernetes Administrator", "CNCF, 2024", "TU Berlin", "MSc, Databases (2014–2016)"])
      expect(html).toContain(text);
  });

  it("saves the profile form, then shows it on the public page; domain field errors come back on the form", async () => {
    const { user } = await createTestUser(env, { roles: ["freelancer"] });
    const b = await browserFor(user);
    const word = uniqueWord();
    const handle = `dba-${word}`;

    const refused = await b.post("/freelancer/profile", { ...profileFields(handle, word), skills: "Underwater Basket Weaving:3" });
    expect(refused.status).toBe(422);
    expect(await htmlOf(refused)).toContain("Unknown skill &quot;underwater basket weaving&quot;");
    await expect(getPublicFreelancerProfile(domainContextFromEnv(env), handle)).rejects.toMatchObject({ status: 404 });

    const badRate = await b.post("/freelancer/profile", { ...profileFields(handle, word), hourlyRate: "1.005" });
    expect(badRate.status).toBe(422);
    expect(await htmlOf(badRate)).toContain("at most the decimals USD has");

    const badLevel = await b.post("/freelancer/profile", { ...profileFields(handle, word), languages: "German: perfect" });
    expect(badLevel.status).toBe(422);
    expect(await htmlOf(badLevel)).toContain("Give &quot;German&quot; a level: basic, conversational, fluent, native");
    const unknown = await b.post("/freelancer/profile", { ...profileFields(handle, word), languages: "Klingon: fluent" });
    expect(unknown.status).toBe(422);
    expect(await htmlOf(unknown)).toContain("Choose a language from the list.");
    await expect(getPublicFreelancerProfile(domainContextFromEnv(env), handle)).rejects.toMatchObject({ status: 404 });

    const saved = await b.post("/freelancer/profile", profileFields(handle, word));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/f/${handle}`);
    const stored = await getPublicFreelancerProfile(domainContextFromEnv(env), handle);
    expect(stored).toMatchObject({ hourlyRate: 4_550, currency: "USD", country: "DE", availabilityHoursPerWeek: 30 });
    expect(stored.skills).toEqual(expect.arrayContaining([expect.objectContaining({ slug: "postgresql", years: 6 })]));

    const page = await SELF.fetch(`${ORIGIN}/f/${handle}`, { headers: { Host: "localhost" } });
    expect(page.status).toBe(200);
    const html = await htmlOf(page);
    for (const text of [`Database tuning ${word}`, "Ten years of making slow queries fast.", "$45.50 per hour", "PostgreSQL · 6 yrs"])
      expect(html).toContain(text);
    for (const text of ["30 hours a week", "Europe/Berlin", ">DE<", "No reviews yet"]) expect(html).toContain(text);
    expect(html).toMatch(/English <span[^>]*>· Native or bilingual<\/span>/);
    expect(html).toMatch(/German <span[^>]*>· Conversational<\/span>/);

    const edit = (await b.get("/freelancer/profile")).html;
    expect(edit).toContain("PostgreSQL:6");
    expect(edit).toContain("English: native\nGerman: conversational");
    expect(edit).toContain('value="45.50"');
  });

  it("answers 404 for an unknown handle", async () => {
    const res = await SELF.fetch(`${ORIGIN}/f/nobody-${uniqueWord()}`, { headers: { Host: "localhost" } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("No freelancer has that handle.");
  });

  it("finds the profile by a skill alias and rate range, and lets a signed-in client save the freelancer", async () => {
    const { user } = await createTestUser(env, { roles: ["freelancer"] });
    const word = uniqueWord();
    const handle = `pg-${word}`;
    expect((await (await browserFor(user)).post("/freelancer/profile", profileFields(handle, word))).status).toBe(302);

    const { user: client } = await createTestUser(env, { roles: ["client"] });
    const b = await browserFor(client);
    const found = (await b.get(`/freelancers?q=${word}&skills=postgres&min=40&max=50&currency=USD&country=de`)).html;
    expect(found).toContain("1 freelancer found");
    expect(found).toContain(`href="/f/${handle}"`);
    expect(found).toContain("$45.50 per hour");

    const missed = (await b.get(`/freelancers?q=${word}&skills=js`)).html;
    expect(missed).toContain("0 freelancers found");
    const tooCheap = (await b.get(`/freelancers?q=${word}&min=50&currency=USD`)).html;
    expect(tooCheap).toContain("0 freelancers found");

    const save = await b.post(`/f/${handle}`, { intent: "save" });
    expect(save.status).toBe(200);
    expect(await save.text()).toContain("Remove from saved");
    const favorites = await listFavorites(domainContextFromEnv(env), client, { type: "freelancers" });
    expect(favorites.items.map((f) => f.freelancer.handle)).toContain(handle);
  });

  it("links a portfolio item to a project the freelancer worked on, and refuses one they did not", async () => {
    const ctx = domainContextFromEnv(env);
    const hired = await activeContract(ctx);
    const [project] = await ctx.db.select().from(projects).where(eq(projects.clientId, hired.client.id));
    const user = hired.freelancer;
    const b = await browserFor(user);
    const word = uniqueWord();
    const handle = `work-${word}`;
    expect((await b.post("/freelancer/profile", profileFields(handle, word))).status).toBe(302);

    const editor = (await b.get("/freelancer/portfolio/new")).html;
    expect(editor).toContain("Project on MegiLance");
    expect(editor).toMatch(/<option value="">None<\/option>/);
    expect(editor).toContain(`<option value="${project.id}">${project.title}</option>`);

    const stranger = await createTestUser(env, { roles: ["client"] });
    const otherProject = await createProject(stranger.user);
    const refused = await b.post("/freelancer/portfolio/new", { intent: "save", title: "Not my work", projectId: otherProject });
    expect(refused.status).toBe(422);
    expect(await htmlOf(refused)).toContain("Pick a project you worked on here.");
    expect(await ctx.db.select().from(portfolioItems).where(eq(portfolioItems.freelancerId, user.id))).toEqual([]);

    const added = await b.post("/freelancer/portfolio/new", { intent: "save", title: `Dashboard ${word}`, projectId: project.id });
    expect(added.status).toBe(302);
    const [item] = await ctx.db.select().from(portfolioItems).where(eq(portfolioItems.freelancerId, user.id));
    expect(item.projectId).toBe(project.id);

    const editing = (await b.get(`/freelancer/portfolio/${item.id}`)).html;
    expect(editing).toMatch(new RegExp(`<option value="${project.id}" selected="">`));

    const page = await htmlOf(await SELF.fetch(`${ORIGIN}/f/${handle}`, { headers: { Host: "localhost" } }));
    expect(page).toContain("From the project");
    expect(page).toContain(`href="/projects/${project.id}"`);
    const api = await SELF.fetch(`${ORIGIN}/api/freelancers/${handle}`);
    expect(api.status).toBe(200);
    const { profile } = (await api.json()) as { profile: { portfolio: unknown[] } };
    expect(profile.portfolio).toEqual([
      expect.objectContaining({ id: item.id, projectId: project.id, project: { id: project.id, title: project.title } }),
    ]);

    // Choosing "None" takes the reference away again, and the page stops linking.
    const cleared = await b.post(`/freelancer/portfolio/${item.id}`, { intent: "save", title: `Dashboard ${word}`, projectId: "" });
    expect(cleared.status).toBe(302);
    const [after] = await ctx.db.select().from(portfolioItems).where(eq(portfolioItems.id, item.id));
    expect(after.projectId).toBeNull();
    expect(await htmlOf(await SELF.fetch(`${ORIGIN}/f/${handle}`, { headers: { Host: "localhost" } }))).not.toContain(
      `href="/projects/${project.id}"`,
    );
  });
});

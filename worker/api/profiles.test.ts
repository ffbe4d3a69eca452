import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { pngBytes } from "../test-support/images";
import { uniqueWord } from "../test-support/market";
import { callApi, createTestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);

describe("freelancer profile API", () => {
  it("creates, reads, shows publicly, and finds the profile in search", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const handle = uniqueWord("p");
    expect((await call("GET", "/api/freelancers/me/profile", me.accessToken)).status).toBe(404);
    const put = await call("PUT", "/api/freelancers/me/profile", me.accessToken, {
      handle,
      headline: `${handle} Kubernetes and Terraform engineer`,
      skills: [
        { skill: "k8s", years: 4 },
        { skill: "Terraform", years: 3 },
      ],
      hourlyRate: 8_000,
      currency: "EUR",
      availabilityHoursPerWeek: 20,
      timezone: "Asia/Karachi",
      languages: [
        { code: "English", level: "fluent" },
        { code: "ur", level: "native" },
      ],
      country: "PK",
    });
    expect(put.status).toBe(200);
    expect(put.body.profile.skills.map((s: { slug: string }) => s.slug)).toEqual(["kubernetes", "terraform"]);
    expect((await call("GET", "/api/freelancers/me/profile", me.accessToken)).body.profile.handle).toBe(handle);
    const pub = await call("GET", `/api/freelancers/${handle}`);
    expect(pub.status).toBe(200);
    expect(pub.body.profile).toMatchObject({ handle, country: "PK", portfolio: [] });
    const found = await call("GET", `/api/freelancers?q=${handle}&skills=k8s`);
    expect(found.body.items.map((f: { userId: string }) => f.userId)).toEqual([me.user.id]);
    expect(found.body.total).toBe(1);
    expect(pub.body.profile.languages).toEqual([
      { code: "en", name: "English", level: "fluent" },
      { code: "ur", name: "Urdu", level: "native" },
    ]);
    expect(found.body.items[0].languages).toEqual(pub.body.profile.languages);
    const speaks = async (language: string) =>
      (await call("GET", `/api/freelancers?q=${handle}&language=${encodeURIComponent(language)}`)).body.items.map(
        (f: { userId: string }) => f.userId,
      );
    expect(await speaks("ur")).toEqual([me.user.id]);
    expect(await speaks("Urdu")).toEqual([me.user.id]);
    expect(await speaks("de")).toEqual([]);
    const unknown = await call("GET", `/api/freelancers?language=Klingon`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toHaveProperty("language");
    const badLevel = await call("PUT", "/api/freelancers/me/profile", me.accessToken, { languages: [{ code: "de", level: "perfect" }] });
    expect(badLevel.status).toBe(422);
    expect((await call("GET", `/api/freelancers/${handle}`)).body.profile.languages).toHaveLength(2);
    expect((await call("GET", "/api/freelancers/nobody-here-at-all")).status).toBe(404);
  });

  it("guards roles and input", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    expect((await call("GET", "/api/freelancers/me/profile")).status).toBe(401);
    expect(
      (await call("PUT", "/api/freelancers/me/profile", client.accessToken, { handle: uniqueWord(), headline: "Not a freelancer" })).status,
    ).toBe(403);
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const bad = await call("PUT", "/api/freelancers/me/profile", me.accessToken, { handle: "a b", headline: "Hi", hourlyRate: 12.5 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["handle", "headline", "hourlyRate"]));
  });

  it("lists certifications and education on the public profile, and turns bad entries away without changing anything", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const handle = uniqueWord("c");
    const certifications = [
      { name: "AWS Solutions Architect", issuer: "Amazon Web Services", year: 2023, url: "https://aws.amazon.com/verify/1" },
    ];
    const education = [{ school: "University of Leeds", degree: "BSc", field: "Computer Science", startYear: 2012, endYear: 2015 }];
    const put = await call("PUT", "/api/freelancers/me/profile", me.accessToken, {
      handle,
      headline: "Cloud engineer",
      certifications: [{ ...certifications[0], name: "  AWS Solutions Architect " }],
      education: [...education, { school: "Codebar", degree: "Evening course" }],
    });
    expect(put.status).toBe(200);
    const pub = await call("GET", `/api/freelancers/${handle}`);
    expect(pub.body.profile.certifications).toEqual(certifications);
    expect(pub.body.profile.education).toEqual([...education, { school: "Codebar", degree: "Evening course" }]);

    for (const [body, field] of [
      [{ certifications: [{ name: "CKA", issuer: "CNCF", year: 1900 }] }, "certifications.0.year"],
      [{ certifications: [{ name: "CKA", issuer: "", year: 2020 }] }, "certifications.0.issuer"],
      [{ certifications: [{ name: "CKA", issuer: "CNCF", year: 2020, url: "ftp://x.test/cert" }] }, "certifications.0.url"],
      [{ education: [{ school: "MIT", degree: "MSc", startYear: 2020, endYear: 2018 }] }, "education.0.endYear"],
      [{ education: [{ degree: "MSc" }] }, "education.0.school"],
    ] as const) {
      const bad = await call("PUT", "/api/freelancers/me/profile", me.accessToken, body);
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.error.fields)).toContain(field);
    }
    const after = await call("GET", `/api/freelancers/${handle}`);
    expect(after.body.profile.certifications).toEqual(certifications);
    expect(after.body.profile.education).toHaveLength(2);

    const cleared = await call("PUT", "/api/freelancers/me/profile", me.accessToken, { certifications: [] });
    expect(cleared.body.profile).toMatchObject({ certifications: [], education: pub.body.profile.education });
  });

  it("manages portfolio items with uploaded images", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const other = await createTestUser(env, { roles: ["freelancer"] });
    const form = new FormData();
    form.set("file", new File([new Uint8Array(pngBytes(1200, 800))], "shot.png"));
    const up = await SELF.fetch("http://localhost/api/uploads", {
      method: "POST",
      body: form,
      headers: { Authorization: `Bearer ${me.accessToken}` },
    });
    const { file } = (await up.json()) as { file: { key: string } };
    const created = await call("POST", "/api/freelancers/me/portfolio", me.accessToken, {
      title: "Checkout redesign",
      imageKeys: [file.key],
    });
    expect(created.status).toBe(201);
    const id = created.body.item.id;
    expect(created.body.item.images[0].key).toBe(file.key);
    expect((await call("PATCH", `/api/freelancers/me/portfolio/${id}`, other.accessToken, { title: "Stolen" })).status).toBe(404);
    expect((await call("PATCH", `/api/freelancers/me/portfolio/${id}`, me.accessToken, { title: "Checkout v2" })).body.item.title).toBe(
      "Checkout v2",
    );
    expect((await call("GET", "/api/freelancers/me/portfolio", me.accessToken)).body.items).toHaveLength(1);
    expect((await call("DELETE", `/api/freelancers/me/portfolio/${id}`, other.accessToken)).status).toBe(404);
    expect((await call("DELETE", `/api/freelancers/me/portfolio/${id}`, me.accessToken)).status).toBe(200);
    expect((await call("DELETE", `/api/freelancers/me/portfolio/${id}`, me.accessToken)).status).toBe(404);
  });
});

describe("portfolio API", () => {
  async function upload(token: string, bytes: Uint8Array): Promise<string> {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], "shot.png"));
    const up = await SELF.fetch("http://localhost/api/uploads", {
      method: "POST",
      body: form,
      headers: { Authorization: `Bearer ${token}` },
    });
    return ((await up.json()) as { file: { key: string } }).file.key;
  }

  it("shows items publicly in the issue's shape, in the order the freelancer chose", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const handle = uniqueWord("pf");
    await call("PUT", "/api/freelancers/me/profile", me.accessToken, { handle, headline: `${handle} portfolio tester` });
    const [wide, tall] = [await upload(me.accessToken, pngBytes(1200, 800)), await upload(me.accessToken, pngBytes(600, 900))];
    const first = await call("POST", "/api/freelancers/me/portfolio", me.accessToken, {
      title: "Checkout redesign",
      description: "Fewer steps to pay.",
      link: "https://example.com/checkout",
      imageKeys: [tall, wide],
      skills: ["react", "TypeScript"],
    });
    expect(first.status).toBe(201);
    const second = await call("POST", "/api/freelancers/me/portfolio", me.accessToken, { title: "Design system" });
    const pub = await call("GET", `/api/freelancers/${handle}`);
    // New items go on top.
    expect(pub.body.profile.portfolio.map((i: { id: string }) => i.id)).toEqual([second.body.item.id, first.body.item.id]);
    const shown = pub.body.profile.portfolio[1];
    expect(shown).toMatchObject({
      id: first.body.item.id,
      title: "Checkout redesign",
      description: "Fewer steps to pay.",
      link: "https://example.com/checkout",
      skills: [expect.objectContaining({ slug: "react" }), expect.objectContaining({ slug: "typescript" })],
    });
    expect(shown.images.map((i: { url: string; width: number; height: number }) => [i.url.split("/").pop(), i.width, i.height])).toEqual([
      [tall, 600, 900],
      [wide, 1200, 800],
    ]);

    const order = await call("PUT", "/api/freelancers/me/portfolio/order", me.accessToken, {
      ids: [first.body.item.id, second.body.item.id],
    });
    expect(order.status).toBe(200);
    expect((await call("GET", `/api/freelancers/${handle}`)).body.profile.portfolio.map((i: { id: string }) => i.id)).toEqual([
      first.body.item.id,
      second.body.item.id,
    ]);
    const edited = await call("PATCH", `/api/freelancers/me/portfolio/${first.body.item.id}`, me.accessToken, { imageKeys: [wide, tall] });
    expect(edited.body.item.images.map((i: { key: string }) => i.key)).toEqual([wide, tall]);
  });

  it("refuses bad input and changes nothing", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const item = await call("POST", "/api/freelancers/me/portfolio", me.accessToken, { title: "Kept", skills: ["react"] });
    const before = (await call("GET", "/api/freelancers/me/portfolio", me.accessToken)).body.items;
    const nine = await Promise.all(Array.from({ length: 9 }, () => upload(me.accessToken, pngBytes(100, 100))));
    const refused: Array<[string, string, unknown, number, string]> = [
      ["POST", "/api/freelancers/me/portfolio", { title: "" }, 422, "title"],
      ["POST", "/api/freelancers/me/portfolio", { title: "Too many", imageKeys: nine }, 422, "imageKeys"],
      ["POST", "/api/freelancers/me/portfolio", { title: "Unknown", skills: ["not-a-skill-zzqx"] }, 422, "skills"],
      ["POST", "/api/freelancers/me/portfolio", { title: "Bad link", link: "javascript:alert(1)" }, 422, "link"],
      ["POST", "/api/freelancers/me/portfolio", { title: "Not mine", projectId: "no-such-project" }, 422, "projectId"],
      ["PATCH", `/api/freelancers/me/portfolio/${item.body.item.id}`, { skills: ["not-a-skill-zzqx"] }, 422, "skills"],
      ["PUT", "/api/freelancers/me/portfolio/order", { ids: ["someone-elses"] }, 422, "ids"],
      ["PUT", "/api/freelancers/me/portfolio/order", { ids: [item.body.item.id, item.body.item.id] }, 422, "ids"],
    ];
    for (const [method, path, body, status, field] of refused) {
      const answer = await call(method, path, me.accessToken, body);
      expect(answer.status).toBe(status);
      expect(Object.keys(answer.body.error.fields ?? {})).toContain(field);
    }
    expect((await call("GET", "/api/freelancers/me/portfolio", me.accessToken)).body.items).toEqual(before);
  });
});

describe("client profile API", () => {
  it("reads defaults, saves company facts and shows hiring history publicly", async () => {
    const me = await createTestUser(env, { roles: ["client"] });
    const first = await call("GET", "/api/clients/me/profile", me.accessToken);
    expect(first.body.profile).toMatchObject({ companyName: null, paymentVerified: false, hiring: { projectsPosted: 0 } });
    const put = await call("PUT", "/api/clients/me/profile", me.accessToken, {
      companyName: "Northwind",
      companySize: "2-10",
      country: "GB",
    });
    expect(put.body.profile).toMatchObject({ companyName: "Northwind", companySize: "2-10", country: "GB" });
    expect((await call("PUT", "/api/clients/me/profile", me.accessToken, { companySize: "huge" })).status).toBe(422);
    expect((await call("GET", `/api/clients/${me.user.id}`)).body.profile.companyName).toBe("Northwind");
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    expect((await call("GET", "/api/clients/me/profile", freelancer.accessToken)).status).toBe(403);
  });
});

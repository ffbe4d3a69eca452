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
      languages: ["English", "Urdu"],
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

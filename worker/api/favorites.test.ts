import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { projectBody, uniqueWord } from "../test-support/market";
import { callApi, createTestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);

describe("/api/favorites", () => {
  it("saves and forgets projects and freelancers and lists them by type", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const { body } = await call("POST", "/api/projects", client.accessToken, projectBody());
    const projectId = body.project.id;
    const handle = uniqueWord("api");
    await call("PUT", "/api/freelancers/me/profile", freelancer.accessToken, { handle, headline: "Copywriter for tech brands" });

    expect((await call("POST", `/api/favorites/projects/${projectId}`)).status).toBe(401);
    expect((await call("POST", `/api/favorites/projects/${projectId}`, freelancer.accessToken)).status).toBe(201);
    expect((await call("POST", `/api/favorites/projects/${projectId}`, freelancer.accessToken)).status).toBe(200);
    expect((await call("POST", `/api/favorites/projects/nope`, freelancer.accessToken)).status).toBe(404);
    const projects = await call("GET", "/api/favorites?type=projects", freelancer.accessToken);
    expect(projects.body.items.map((f: { project: { id: string } }) => f.project.id)).toEqual([projectId]);
    expect(projects.body.nextCursor).toBeNull();
    expect((await call("DELETE", `/api/favorites/projects/${projectId}`, freelancer.accessToken)).body).toEqual({ removed: true });
    expect((await call("GET", "/api/favorites?type=projects", freelancer.accessToken)).body.items).toEqual([]);

    expect((await call("POST", `/api/favorites/freelancers/${freelancer.user.id}`, client.accessToken)).status).toBe(201);
    const people = await call("GET", "/api/favorites?type=freelancers", client.accessToken);
    expect(people.body.items[0].freelancer.handle).toBe(handle);
    expect((await call("DELETE", `/api/favorites/freelancers/${handle}`, client.accessToken)).body).toEqual({ removed: true });
    expect((await call("GET", "/api/favorites?type=people", client.accessToken)).status).toBe(422);
    expect((await call("GET", "/api/favorites?type=projects&limit=500", client.accessToken)).status).toBe(422);
  });
});

import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { coverLetter, projectBody } from "../test-support/market";
import { apiDocument, documentErrors, undocumentedAnswers, type ResponseSample } from "../test-support/openapi";
import { callApi, createTestUser } from "../test-support/users";

const METHODS = ["get", "put", "post", "delete", "patch"];
let document: Awaited<ReturnType<typeof apiDocument>>;

function operations() {
  const out: { method: string; path: string; op: Record<string, any> }[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) if (item[method]) out.push({ method, path, op: item[method] });
  }
  return out;
}

beforeAll(async () => {
  document = await apiDocument(SELF);
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 for an independent validator", async () => {
    expect(document.openapi).toBe("3.1.0");
    expect(await documentErrors(document)).toEqual([]);
  });

  it("gives every operation a unique operationId and its own security requirement", () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(150);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of ops) expect(Array.isArray(op.security)).toBe(true);
    const security = (method: string, path: string) => document.paths[path][method].security;
    expect(security("post", "/api/auth/login")).toEqual([]);
    expect(security("get", "/api/projects")).toEqual([]);
    expect(security("post", "/api/projects")).toEqual([{ bearer: [] }, { sessionCookie: [] }]);
    expect(document.components.securitySchemes).toMatchObject({
      bearer: { type: "http", scheme: "bearer" },
      sessionCookie: { in: "cookie" },
    });
  });

  it("declares the security each operation really enforces: anonymous calls to signed-in ones are refused, public ones are not", async () => {
    const wrong: string[] = [];
    for (const { method, path, op } of operations()) {
      const optional = op.security.some((requirement: object) => Object.keys(requirement).length === 0);
      if (optional || path.includes("/partytracks/")) continue;
      const url = `http://localhost${path.replace(/\{[^}]+\}/g, "x0")}`;
      const res = await SELF.fetch(url, {
        method: method.toUpperCase(),
        headers: method === "get" || method === "delete" ? {} : { "Content-Type": "application/json", Origin: "http://localhost" },
        body: method === "get" || method === "delete" ? undefined : "{}",
        redirect: "manual",
      });
      await res.body?.cancel();
      const signedIn = op.security.length > 0;
      // Validation may answer before the sign-in check; a signed-in operation still never succeeds anonymously.
      if (signedIn ? ![401, 422].includes(res.status) : res.status === 401) wrong.push(`${method} ${path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("describes every error answer with the error body schema", () => {
    expect(document.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
    let errors = 0;
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (Number(status) < 400) continue;
        errors++;
        const content = response.content?.["application/json"] ?? response.content?.["text/html"];
        expect(content?.schema, `${op.operationId} ${status}`).toBeDefined();
      }
    }
    expect(errors).toBeGreaterThan(400);
  });

  it("describes the body of every success answer, in each content type it is sent as", () => {
    const missing: string[] = [];
    for (const { method, path, op } of operations()) {
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (!/^2\d\d$/.test(status) || status === "204") continue;
        if (!response.content || !Object.values<any>(response.content).some((c) => c.schema)) missing.push(`${method} ${path}`);
      }
    }
    expect(missing.sort()).toEqual([]);
  });

  it("documents the e-mail unsubscribe link, the Calls media proxy and the cover letter's minimum", () => {
    const unsubscribe = document.paths["/api/notifications/unsubscribe"]?.get;
    expect(unsubscribe).toMatchObject({ security: [], parameters: [expect.objectContaining({ name: "token", in: "query" })] });
    expect(unsubscribe.responses["200"].content["text/html"]).toBeDefined();
    const proxy = Object.keys(document.paths).filter((p) => p.startsWith("/api/calls/{id}/partytracks/"));
    expect(proxy).toEqual(
      expect.arrayContaining(["/api/calls/{id}/partytracks/sessions/new", "/api/calls/{id}/partytracks/sessions/{sessionId}/tracks/new"]),
    );
    const send = document.paths["/api/projects/{id}/proposals"].post;
    const letter = send.requestBody.content["application/json"].schema.properties.coverLetter;
    expect(letter).toMatchObject({ type: "string", minLength: 100, maxLength: 10_000 });
  });
});

describe("real answers match the document", () => {
  it("a hiring journey's answers, errors included, fit their declared schemas", async () => {
    const samples: ResponseSample[] = [];
    const call = async (method: string, template: string, path: string, token?: string | null, body?: unknown) => {
      const res = await callApi(SELF, method, path, token, body);
      samples.push({ method, path: template, status: res.status, body: res.body });
      return res;
    };
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });

    await call("GET", "/api/auth/me", "/api/auth/me", client.accessToken);
    const posted = await call("POST", "/api/projects", "/api/projects", client.accessToken, projectBody());
    expect(posted.status).toBe(201);
    const projectId = posted.body.project.id as string;
    await call("GET", "/api/projects", "/api/projects?limit=5");
    await call("GET", "/api/projects/{id}", `/api/projects/${projectId}`, freelancer.accessToken);
    await call("POST", "/api/favorites/projects/{id}", `/api/favorites/projects/${projectId}`, freelancer.accessToken);
    await call("GET", "/api/favorites", "/api/favorites?type=projects", freelancer.accessToken);
    await call("GET", "/api/freelancers", "/api/freelancers?limit=3");
    const sent = await call("POST", "/api/projects/{id}/proposals", `/api/projects/${projectId}/proposals`, freelancer.accessToken, {
      coverLetter: coverLetter(),
      bidAmount: 150_000,
      estimatedDays: 10,
    });
    expect(sent.status).toBe(201);
    const proposalId = sent.body.proposal.id as string;
    await call("GET", "/api/projects/{id}/proposals", `/api/projects/${projectId}/proposals`, client.accessToken);
    await call("GET", "/api/proposals/{id}", `/api/proposals/${proposalId}`, freelancer.accessToken);
    await call("GET", "/api/notifications", "/api/notifications", client.accessToken);
    const accepted = await call("POST", "/api/proposals/{id}/accept", `/api/proposals/${proposalId}/accept`, client.accessToken, {});
    expect(accepted.status).toBe(200);
    await call("GET", "/api/contracts", "/api/contracts", freelancer.accessToken);
    await call("GET", "/api/contracts/{id}", `/api/contracts/${accepted.body.contract.id}`, client.accessToken);
    await call("GET", "/api/security/sessions", "/api/security/sessions", client.accessToken);
    await call("GET", "/api/security/mfa/methods", "/api/security/mfa/methods", client.accessToken);

    const short = await call("POST", "/api/projects/{id}/proposals", `/api/projects/${projectId}/proposals`, freelancer.accessToken, {
      coverLetter: " too short ",
      bidAmount: 150_000,
      estimatedDays: 10,
    });
    expect(short.status).toBe(422);
    await call("GET", "/api/projects/{id}", "/api/projects/no-such-project");
    await call("POST", "/api/projects", "/api/projects", null, projectBody());

    expect(samples.map((s) => s.status)).not.toContain(500);
    expect(await undocumentedAnswers(document, samples)).toEqual([]);
  });
});

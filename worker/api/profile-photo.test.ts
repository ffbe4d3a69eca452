import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { files } from "../../db/schema";
import { gifBytes, jpegBytes, pdfBytes, pngBytes, webpBytes } from "../test-support/images";
import { uniqueWord } from "../test-support/market";
import { callApi, createTestUser, type TestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);

async function postPhoto(token: string, bytes: Uint8Array | null, field = "photo") {
  const form = new FormData();
  if (bytes) form.set(field, new File([new Uint8Array(bytes)], "me.bin"));
  const response = await SELF.fetch("http://localhost/api/freelancers/me/photo", {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function freelancerWithProfile(): Promise<TestUser & { handle: string }> {
  const me = await createTestUser(env, { roles: ["freelancer"] });
  const handle = uniqueWord("ph");
  const put = await call("PUT", "/api/freelancers/me/profile", me.accessToken, { handle, headline: `${handle} photo tester` });
  expect(put.status).toBe(200);
  return { ...me, handle };
}

const keyOf = (url: string) => url.split("/").pop()!;

describe("profile photo API", () => {
  it("stores a square photo in R2, shows it publicly and in search, and replaces the old one", async () => {
    const me = await freelancerWithProfile();
    expect((await call("GET", `/api/freelancers/${me.handle}`)).body.profile.photoUrl).toBeNull();

    const first = await postPhoto(me.accessToken, pngBytes(256, 256));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ photoUrl: expect.stringMatching(/\/api\/files\/[a-z0-9]+$/), width: 256, height: 256 });
    const stored = await env.FILES.get(keyOf(first.body.photoUrl));
    expect(stored?.httpMetadata?.contentType).toBe("image/png");
    await stored?.body.cancel();

    const pub = await call("GET", `/api/freelancers/${me.handle}`);
    expect(pub.body.profile.photoUrl).toBe(first.body.photoUrl);
    const found = await call("GET", `/api/freelancers?q=${me.handle}`);
    expect(found.body.items[0].photoUrl).toBe(first.body.photoUrl);
    // Public: anyone may load the picture, signed in or not.
    const image = await SELF.fetch(first.body.photoUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    await image.body?.cancel();

    const second = await postPhoto(me.accessToken, jpegBytes(512, 512));
    expect(second.status).toBe(200);
    expect(second.body.photoUrl).not.toBe(first.body.photoUrl);
    expect((await call("GET", `/api/freelancers/${me.handle}`)).body.profile.photoUrl).toBe(second.body.photoUrl);
    expect(await env.FILES.get(keyOf(first.body.photoUrl))).toBeNull();
    expect((await postPhoto(me.accessToken, webpBytes(128, 128))).status).toBe(200);

    expect((await call("DELETE", "/api/freelancers/me/photo", me.accessToken)).body).toEqual({ photoUrl: null });
    expect((await call("GET", `/api/freelancers/${me.handle}`)).body.profile.photoUrl).toBeNull();
  });

  it("refuses wrong types, sizes and shapes with a clear error and changes nothing", async () => {
    const me = await freelancerWithProfile();
    const kept = await postPhoto(me.accessToken, pngBytes(300, 300));
    const cases: Array<[Uint8Array | null, number, string, string?]> = [
      [gifBytes(256, 256), 415, "unsupported_file_type"],
      [pdfBytes(), 415, "unsupported_file_type"],
      [new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"), 415, "unsupported_file_type"],
      [pngBytes(400, 300), 422, "photo_not_square"],
      [pngBytes(32, 32), 422, "photo_size"],
      [pngBytes(2000, 2000), 422, "photo_size"],
      [pngBytes(256, 256, 5 * 1024 * 1024 + 1), 413, "file_too_large"],
      [new Uint8Array(0), 422, "empty_file"],
      [null, 422, "validation_failed"],
      [pngBytes(256, 256), 422, "validation_failed", "file"],
    ];
    for (const [bytes, status, code, field] of cases) {
      const answer = await postPhoto(me.accessToken, bytes, field);
      expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status, code });
      expect(answer.body.error.message).toMatch(/\w+/);
    }
    expect((await call("GET", `/api/freelancers/${me.handle}`)).body.profile.photoUrl).toBe(kept.body.photoUrl);
    // Nothing refused was stored: the only file the account owns is the photo it kept.
    const owned = await createDb(env).select({ key: files.key }).from(files).where(eq(files.ownerId, me.user.id));
    expect(owned.map((f) => f.key)).toEqual([keyOf(kept.body.photoUrl)]);

    const client = await createTestUser(env, { roles: ["client"] });
    expect((await postPhoto(client.accessToken, pngBytes(256, 256))).status).toBe(403);
    const anonymous = await SELF.fetch("http://localhost/api/freelancers/me/photo", { method: "POST", body: new FormData() });
    expect(anonymous.status).toBe(401);
  });
});

import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { jpegBytes, pdfBytes, pngBytes } from "../test-support/images";
import { createTestUser } from "../test-support/users";

async function upload(token: string | null, bytes: Uint8Array, name: string, declaredType: string, purpose?: string) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type: declaredType }));
  if (purpose) form.set("purpose", purpose);
  return SELF.fetch("http://localhost/api/uploads", {
    method: "POST",
    body: form,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

describe("POST /api/uploads and GET /api/files/:key", () => {
  it("stores an image and serves it back with its stored type and nosniff", async () => {
    const { accessToken } = await createTestUser(env, { roles: ["freelancer"] });
    const res = await upload(accessToken, jpegBytes(300, 200), "photo.png", "image/png");
    expect(res.status).toBe(201);
    const { file } = (await res.json()) as { file: { key: string; url: string; contentType: string; size: number } };
    expect(file).toMatchObject({ contentType: "image/jpeg", size: 64 });
    // Attached nowhere yet, an upload is its owner's alone (worker/api/file-access.test.ts covers the rest).
    expect((await SELF.fetch(`http://localhost/api/files/${file.key}`)).status).toBe(404);
    const served = await SELF.fetch(`http://localhost/api/files/${file.key}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(jpegBytes(300, 200));
  });

  it("serves PDFs as downloads", async () => {
    const { accessToken } = await createTestUser(env, { roles: ["client"] });
    const res = await upload(accessToken, pdfBytes(), "brief.pdf", "application/pdf", "attachment");
    const { file } = (await res.json()) as { file: { key: string } };
    const served = await SELF.fetch(`http://localhost/api/files/${file.key}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);
  });

  it("refuses anonymous uploads, disguised files, oversized images and unknown keys", async () => {
    const { accessToken } = await createTestUser(env, { roles: ["client"] });
    expect((await upload(null, pngBytes(10, 10), "a.png", "image/png")).status).toBe(401);
    const html = new TextEncoder().encode("<html><script>alert(document.cookie)</script></html>");
    expect((await upload(accessToken, html, "cat.png", "image/png")).status).toBe(415);
    expect((await upload(accessToken, pdfBytes(), "doc.pdf", "application/pdf", "image")).status).toBe(415);
    expect((await upload(accessToken, pngBytes(10, 10, 5 * 1024 * 1024 + 10), "big.png", "image/png")).status).toBe(413);
    expect((await upload(accessToken, pngBytes(10, 10), "a.png", "image/png", "poster")).status).toBe(422);
    expect((await SELF.fetch("http://localhost/api/files/doesnotexistdoesnotexist")).status).toBe(404);
    const json = await SELF.fetch("http://localhost/api/uploads", {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(415);
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { gifBytes, jpegBytes, pdfBytes, pngBytes, webpBytes } from "../../test-support/images";
import { testContext } from "../../test-support/context";
import { createTestUser } from "../../test-support/users";
import { imageDimensions } from "./dimensions";
import { sniffContentType } from "./sniff";
import { MAX_IMAGE_BYTES, openStoredFile, storeUpload } from "./uploads";

describe("file type sniffing and image headers", () => {
  it.each([
    ["png", pngBytes(640, 480), "image/png"],
    ["jpeg", jpegBytes(800, 600), "image/jpeg"],
    ["gif", gifBytes(32, 16), "image/gif"],
    ["webp", webpBytes(1024, 768), "image/webp"],
  ] as const)("reads %s type and dimensions from the bytes", (_name, bytes, type) => {
    expect(sniffContentType(bytes)).toBe(type);
    expect(imageDimensions(bytes, type)).toEqual(
      {
        "image/png": { width: 640, height: 480 },
        "image/jpeg": { width: 800, height: 600 },
        "image/gif": { width: 32, height: 16 },
        "image/webp": { width: 1024, height: 768 },
      }[type],
    );
  });

  it("knows PDFs and refuses everything else", () => {
    expect(sniffContentType(pdfBytes())).toBe("application/pdf");
    expect(sniffContentType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'></svg>"))).toBeNull();
    expect(sniffContentType(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffContentType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });

  it("gives up on a truncated JPEG instead of guessing", () => {
    expect(imageDimensions(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]), "image/jpeg")).toBeNull();
  });
});

describe("storing uploads", () => {
  it("stores under a random key in R2 with the sniffed type and reads it back", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
    const file = await storeUpload(ctx, env.FILES, user, { bytes: pngBytes(100, 50), filename: "logo.txt" });
    expect(file).toMatchObject({ contentType: "image/png", size: 64, url: `${ctx.config.appOrigin}/api/files/${file.key}` });
    expect(file.key).toMatch(/^[a-z0-9]{32}$/);
    const stored = await openStoredFile(ctx, env.FILES, file.key, user);
    expect(stored?.contentType).toBe("image/png");
    expect(new Uint8Array(await new Response(stored!.body).arrayBuffer())).toEqual(pngBytes(100, 50));
    expect(await openStoredFile(ctx, env.FILES, "../../etc/passwd", user)).toBeNull();
  });

  it("enforces types, sizes and sane image dimensions", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(ctx, { roles: ["client"] });
    const store = (bytes: Uint8Array, purpose?: "image" | "attachment") => storeUpload(ctx, env.FILES, user, { bytes, purpose });
    await expect(store(new TextEncoder().encode("just some text that claims to be an image"))).rejects.toMatchObject({ status: 415 });
    await expect(store(pdfBytes(), "image")).rejects.toMatchObject({ status: 415 });
    expect((await store(pdfBytes(), "attachment")).contentType).toBe("application/pdf");
    await expect(store(pngBytes(10, 10, MAX_IMAGE_BYTES + 1))).rejects.toMatchObject({ status: 413 });
    expect((await store(pdfBytes(MAX_IMAGE_BYTES + 1))).size).toBe(MAX_IMAGE_BYTES + 1);
    await expect(store(pdfBytes(10 * 1024 * 1024 + 1))).rejects.toMatchObject({ status: 413 });
    await expect(store(pngBytes(50_000, 50_000))).rejects.toMatchObject({ status: 422, code: "image_too_large" });
    await expect(store(pngBytes(0, 10))).rejects.toMatchObject({ status: 422 });
    await expect(store(new Uint8Array())).rejects.toMatchObject({ status: 422 });
  });
});

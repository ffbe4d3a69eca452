import { z } from "@hono/zod-openapi";
import { AppError } from "../domain/errors";
import { fileTooLarge, isFilePurpose, MAX_ATTACHMENT_BYTES, openStoredFile, storeUpload } from "../domain/files/uploads";
import { createRouter, type Router } from "./context";
import { fileBytes, SIGNED_IN } from "./openapi";
import { requireViewer } from "./viewer";
import { fileViewSchema } from "../domain/shared/file-view-schema";
import { EXTENSION_OF } from "../domain/files/sniff";

const tags = ["files"];
/** Room for the multipart envelope around the largest allowed file. */
const MAX_REQUEST_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

export const fileRoutes: Router = createRouter();

fileRoutes.post("/uploads", async (c) => {
  const viewer = requireViewer(c);
  const length = Number(c.req.header("content-length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw fileTooLarge();
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(415, "unsupported_media_type", "Send the file as multipart/form-data in a field named file.");
  }
  const form = await c.req.parseBody().catch(() => {
    throw new AppError(400, "bad_request", "The multipart body could not be read.");
  });
  const file = form.file;
  if (!(file instanceof File))
    throw new AppError(422, "validation_failed", "Attach the file in a field named file.", { file: ["Required."] });
  if (file.size > MAX_ATTACHMENT_BYTES) throw fileTooLarge();
  const purpose = typeof form.purpose === "string" && form.purpose ? form.purpose : undefined;
  if (purpose !== undefined && !isFilePurpose(purpose)) {
    throw new AppError(422, "validation_failed", "purpose is image or attachment.", { purpose: ["Use image or attachment."] });
  }
  const stored = await storeUpload(c.get("domain"), c.env.FILES, viewer.user, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    filename: file.name,
    purpose,
  });
  return c.json({ file: stored }, 201);
});

fileRoutes.get("/files/:key", async (c) => {
  const found = await openStoredFile(c.get("domain"), c.env.FILES, c.req.param("key"), c.get("viewer")?.user ?? null);
  if (!found) throw new AppError(404, "not_found", "No such file.");
  const etag = `"${c.req.param("key")}"`;
  const cacheControl = found.public ? "public, max-age=31536000, immutable" : "private, no-cache";
  // Content never changes under a key: a reader who has it is told so after the access check, without the bytes.
  if (c.req.header("If-None-Match") === etag) {
    await found.body.cancel();
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": cacheControl } });
  }
  const inline = found.contentType.startsWith("image/");
  const name = found.name ?? `file.${found.contentType.split("/")[1]}`;
  return new Response(found.body, {
    status: 200,
    headers: {
      "Content-Type": found.contentType,
      "Content-Length": String(found.size),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      // Only public files may sit in shared caches; private ones are checked again on every read.
      "Cache-Control": cacheControl,
      ETag: etag,
      Vary: "Cookie, Authorization",
    },
  });
});

fileRoutes.openAPIRegistry.registerPath({
  method: "post",
  path: "/uploads",
  tags,
  summary: "Upload an image (PNG, JPEG, WebP, GIF; 5 MB) or PDF (10 MB); the type is read from the bytes",
  security: SIGNED_IN,
  request: {
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.string().openapi({ format: "binary" }), purpose: z.enum(["image", "attachment"]).optional() }),
        },
      },
    },
  },
  responses: {
    201: {
      description: "{file: {key, url, contentType, size, name}}",
      content: { "application/json": { schema: z.object({ file: fileViewSchema }) } },
    },
    401: { description: "Not signed in" },
    413: { description: "Too large" },
    415: { description: "Not a supported file type" },
    422: { description: "Unreadable or oversized image" },
    429: { description: "Too many uploads" },
  },
});

fileRoutes.openAPIRegistry.registerPath({
  method: "get",
  path: "/files/{key}",
  tags,
  summary:
    "An uploaded file, served with its stored content type and nosniff. Portfolio images are public; anything attached to a conversation, contract, proposal, project or support ticket is readable only by those who may see it (others, and files attached nowhere, get 404 unless they uploaded it)",
  security: [...SIGNED_IN, {}],
  request: { params: z.object({ key: z.string() }) },
  responses: {
    200: {
      description: "The file's bytes, with the content type its bytes were recognised as at upload",
      content: Object.fromEntries(
        (Object.keys(EXTENSION_OF) as (keyof typeof EXTENSION_OF)[]).map((type) => [
          type,
          { schema: fileBytes(`A ${EXTENSION_OF[type]} file`) },
        ]),
      ),
    },
    304: { description: "Not modified: the reader's copy (If-None-Match) is current; files never change under their key" },
    404: { description: "Not found" },
  },
});

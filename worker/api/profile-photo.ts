import { z } from "@hono/zod-openapi";
import { AppError } from "../domain/errors";
import { MAX_PHOTO_BYTES, photoTooLarge, removeProfilePhoto, setProfilePhoto } from "../domain/profiles/photo";
import { createRouter, type Router } from "./context";
import { SIGNED_IN } from "./openapi";
import { requireRole } from "./viewer";

const tags = ["profiles"];
/** Room for the multipart envelope around the largest allowed photo. */
const MAX_REQUEST_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

export const profilePhotoRoutes: Router = createRouter();

profilePhotoRoutes.post("/freelancers/me/photo", async (c) => {
  const viewer = requireRole(c, "freelancer");
  const length = Number(c.req.header("content-length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw photoTooLarge();
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(415, "unsupported_media_type", "Send the photo as multipart/form-data in a field named photo.");
  }
  const form = await c.req.parseBody().catch(() => {
    throw new AppError(400, "bad_request", "The multipart body could not be read.");
  });
  const photo = form.photo;
  if (!(photo instanceof File))
    throw new AppError(422, "validation_failed", "Attach the picture in a field named photo.", { photo: ["Required."] });
  if (photo.size > MAX_PHOTO_BYTES) throw photoTooLarge();
  const stored = await setProfilePhoto(c.get("domain"), c.env.FILES, viewer.user, new Uint8Array(await photo.arrayBuffer()));
  return c.json(stored, 200);
});

profilePhotoRoutes.delete("/freelancers/me/photo", async (c) => {
  const viewer = requireRole(c, "freelancer");
  await removeProfilePhoto(c.get("domain"), c.env.FILES, viewer.user);
  return c.json({ photoUrl: null }, 200);
});

const photoAnswer = z.object({ photoUrl: z.url(), width: z.number().int(), height: z.number().int() });

profilePhotoRoutes.openAPIRegistry.registerPath({
  method: "post",
  path: "/freelancers/me/photo",
  tags,
  summary:
    "Set your profile photo: a square JPEG, PNG or WebP of 64 to 1024 pixels a side, at most 5 MB (the type is read from the bytes; the profile page crops and scales it in the browser)",
  security: SIGNED_IN,
  request: {
    body: {
      required: true,
      content: { "multipart/form-data": { schema: z.object({ photo: z.string().openapi({ format: "binary" }) }) } },
    },
  },
  responses: {
    200: { description: "{photoUrl, width, height}", content: { "application/json": { schema: photoAnswer } } },
    401: { description: "Not signed in" },
    403: { description: "Not a freelancer" },
    413: { description: "Larger than 5 MB" },
    415: { description: "Not a JPEG, PNG or WebP picture" },
    422: { description: "Missing, unreadable, not square, or outside 64 to 1024 pixels" },
    429: { description: "Too many uploads" },
  },
});

profilePhotoRoutes.openAPIRegistry.registerPath({
  method: "delete",
  path: "/freelancers/me/photo",
  tags,
  summary: "Remove your profile photo (people see your initials)",
  security: SIGNED_IN,
  responses: {
    200: { description: "{photoUrl: null}", content: { "application/json": { schema: z.object({ photoUrl: z.null() }) } } },
    401: { description: "Not signed in" },
    403: { description: "Not a freelancer" },
  },
});

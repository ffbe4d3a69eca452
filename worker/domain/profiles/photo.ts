/**
 * Profile photos. The browser crops and scales the picture to one square (decision record "profile photos");
 * the server trusts nothing of that: it reads the type from the bytes, bounds the size and checks the image is
 * the square the pages expect before anything is stored.
 */
import { eq } from "drizzle-orm";
import { files, users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { imageDimensions } from "../files/dimensions";
import { sniffContentType } from "../files/sniff";
import { storeUpload, type FileBucket } from "../files/uploads";
import { fileUrl } from "../shared/file-records";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Pages show faces at 24 to 128 CSS pixels; the browser sends PHOTO_SIDE_PX, enough for a 2x screen. */
export const PHOTO_SIDE_PX = 256;
export const MIN_PHOTO_SIDE_PX = 64;
export const MAX_PHOTO_SIDE_PX = 1024;
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

function refuse(status: 413 | 415 | 422, code: string, message: string): AppError {
  return new AppError(status, code, message, { photo: [message] });
}

/** What is wrong with a would-be photo, before it is stored; nothing is written when this throws. */
/** A photo past the size limit, refused as soon as its size is known. */
export const photoTooLarge = () => refuse(413, "file_too_large", "A photo can be at most 5 MB.");

export function checkPhoto(bytes: Uint8Array): { contentType: (typeof PHOTO_TYPES)[number]; width: number; height: number } {
  if (bytes.byteLength === 0) throw refuse(422, "empty_file", "The photo is empty.");
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw photoTooLarge();
  const type = sniffContentType(bytes);
  const contentType = PHOTO_TYPES.find((t) => t === type);
  if (!contentType) throw refuse(415, "unsupported_file_type", "Upload a JPEG, PNG or WebP picture.");
  const size = imageDimensions(bytes, contentType);
  if (!size) throw refuse(422, "image_unreadable", "We could not read this picture.");
  if (size.width !== size.height) throw refuse(422, "photo_not_square", "Crop the photo to a square first.");
  if (size.width < MIN_PHOTO_SIDE_PX || size.width > MAX_PHOTO_SIDE_PX) {
    throw refuse(422, "photo_size", `A photo is between ${MIN_PHOTO_SIDE_PX} and ${MAX_PHOTO_SIDE_PX} pixels on a side.`);
  }
  return { contentType, ...size };
}

export function photoUrl(ctx: DomainContext, key: string | null): string | null {
  return key ? fileUrl(ctx, key) : null;
}

/** Stores a new profile photo in R2 and points the account at it; the previous photo is removed from the bucket. */
export async function setProfilePhoto(
  ctx: DomainContext,
  bucket: FileBucket & Partial<Pick<R2Bucket, "delete">>,
  actor: User,
  bytes: Uint8Array,
): Promise<{ photoUrl: string; width: number; height: number }> {
  const { width, height } = checkPhoto(bytes);
  const stored = await storeUpload(ctx, bucket, actor, { bytes, filename: "photo", purpose: "image" });
  const [[previous]] = await ctx.db.batch([
    ctx.db.select({ photoKey: users.photoKey }).from(users).where(eq(users.id, actor.id)),
    ctx.db.update(files).set({ scope: "public", scopeId: null }).where(eq(files.key, stored.key)),
    ctx.db.update(users).set({ photoKey: stored.key, updatedAt: ctx.clock.now() }).where(eq(users.id, actor.id)),
  ]);
  if (previous?.photoKey && previous.photoKey !== stored.key) {
    await ctx.db.delete(files).where(eq(files.key, previous.photoKey));
    await bucket.delete?.(previous.photoKey);
  }
  return { photoUrl: stored.url, width, height };
}

/** Takes the photo down: people see initials again. */
export async function removeProfilePhoto(ctx: DomainContext, bucket: Partial<Pick<R2Bucket, "delete">>, actor: User): Promise<void> {
  const [row] = await ctx.db.select({ photoKey: users.photoKey }).from(users).where(eq(users.id, actor.id));
  if (!row?.photoKey) return;
  await ctx.db.batch([
    ctx.db.update(users).set({ photoKey: null, updatedAt: ctx.clock.now() }).where(eq(users.id, actor.id)),
    ctx.db.delete(files).where(eq(files.key, row.photoKey)),
  ]);
  await bucket.delete?.(row.photoKey);
}

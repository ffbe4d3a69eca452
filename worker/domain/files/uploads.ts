import { files, FILE_PURPOSES, type FilePurpose, type User } from "../../../db/schema";
import { generateSecretToken } from "../auth/tokens";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { readableFile } from "./access";
import { imageDimensions } from "./dimensions";
import { toFileView, type FileView } from "../shared/file-records";
import { isImageType, sniffContentType } from "./sniff";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Larger images are refused: nobody needs them for a portfolio, and they are a decompression-bomb risk. */
export const MAX_IMAGE_SIDE_PX = 12_000;
export const MAX_IMAGE_PIXELS = 50_000_000;
export const UPLOADS_PER_HOUR = 60;
const HOUR_MS = 60 * 60 * 1000;

/** The slice of an R2 bucket this area uses (env.FILES in the Worker). */
export type FileBucket = Pick<R2Bucket, "put" | "get">;

export const FILE_KEY_PATTERN = /^[a-z0-9]{20,64}$/;

export function isFilePurpose(value: string): value is FilePurpose {
  return (FILE_PURPOSES as readonly string[]).includes(value);
}

function refuse(status: 413 | 415 | 422, code: string, message: string): AppError {
  return new AppError(status, code, message, { file: [message] });
}

/** A file past the size limit, refused as soon as its size is known (before reading it, where the edge can). */
export const fileTooLarge = () => refuse(413, "file_too_large", "Files can be at most 10 MB.");

/**
 * Stores an upload in R2 under a random key after checking what the bytes really are: PNG, JPEG, WebP or GIF
 * images (at most 5 MB; dimensions read from the header and bounded) and PDFs (at most 10 MB). Without a
 * purpose, images count as "image" and PDFs as "attachment".
 */
export async function storeUpload(
  ctx: DomainContext,
  bucket: FileBucket,
  actor: User,
  input: { bytes: Uint8Array; filename?: string | null; purpose?: FilePurpose },
): Promise<FileView> {
  const limit = await ctx.rateLimiter.hit(`upload:${actor.id}`, UPLOADS_PER_HOUR, HOUR_MS);
  if (limit.limited) {
    throw new AppError(429, "too_many_uploads", "You uploaded many files in the last hour. Try again later.", undefined, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  const { bytes } = input;
  if (bytes.byteLength === 0) throw refuse(422, "empty_file", "The file is empty.");
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw fileTooLarge();
  const contentType = sniffContentType(bytes);
  if (!contentType) throw refuse(415, "unsupported_file_type", "Upload a PNG, JPEG, WebP or GIF image, or a PDF.");
  const purpose: FilePurpose = input.purpose ?? (isImageType(contentType) ? "image" : "attachment");
  if (purpose === "image" && !isImageType(contentType))
    throw refuse(415, "unsupported_file_type", "This needs an image (PNG, JPEG, WebP or GIF).");
  if (isImageType(contentType) && bytes.byteLength > MAX_IMAGE_BYTES) throw refuse(413, "file_too_large", "Images can be at most 5 MB.");
  let dimensions: { width: number; height: number } | null = null;
  if (isImageType(contentType)) {
    dimensions = imageDimensions(bytes, contentType);
    if (!dimensions || dimensions.width < 1 || dimensions.height < 1)
      throw refuse(422, "image_unreadable", "We could not read this image.");
    if (
      dimensions.width > MAX_IMAGE_SIDE_PX ||
      dimensions.height > MAX_IMAGE_SIDE_PX ||
      dimensions.width * dimensions.height > MAX_IMAGE_PIXELS
    ) {
      throw refuse(422, "image_too_large", `Images can be at most ${MAX_IMAGE_SIDE_PX} pixels on a side.`);
    }
  }
  const key = generateSecretToken(20);
  const originalName = input.filename ? input.filename.replace(/[\r\n"\\/]/g, "_").slice(0, 200) : null;
  await bucket.put(key, bytes, { httpMetadata: { contentType }, customMetadata: { ownerId: actor.id } });
  const [row] = await ctx.db
    .insert(files)
    .values({
      key,
      ownerId: actor.id,
      purpose,
      contentType,
      size: bytes.byteLength,
      width: dimensions?.width ?? null,
      height: dimensions?.height ?? null,
      originalName,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return toFileView(ctx, row);
}

/** A file as a form posted it. */
export interface UploadedFile {
  bytes: Uint8Array;
  filename?: string | null;
}

/** Files a form posted in one field, without the empty entry a browser sends when none was chosen. */
export async function chosenFiles(entries: FormDataEntryValue[]): Promise<UploadedFile[]> {
  const chosen = entries.filter((e): e is File => typeof e !== "string" && (e.size > 0 || e.name !== ""));
  return Promise.all(chosen.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name || null })));
}

/** Stores several uploads as attachments, one after the other; the first refused file stops the rest with its reason. */
export async function storeUploads(ctx: DomainContext, bucket: FileBucket, actor: User, uploads: UploadedFile[]): Promise<FileView[]> {
  const stored: FileView[] = [];
  for (const upload of uploads) {
    try {
      stored.push(await storeUpload(ctx, bucket, actor, { ...upload, purpose: "attachment" }));
    } catch (error) {
      if (error instanceof AppError && upload.filename) {
        throw new AppError(error.status, error.code, `${upload.filename}: ${error.message}`, error.fields, error.headers);
      }
      throw error;
    }
  }
  return stored;
}

/** The stored bytes and their recorded type; null when the key is unknown or the viewer may not read it. */
export async function openStoredFile(ctx: DomainContext, bucket: FileBucket, key: string, viewer: User | null) {
  if (!FILE_KEY_PATTERN.test(key)) return null;
  const row = await readableFile(ctx, viewer, key);
  if (!row) return null;
  const object = await bucket.get(key);
  if (!object) return null;
  return { body: object.body, contentType: row.contentType, size: row.size, name: row.originalName, public: row.scope === "public" };
}

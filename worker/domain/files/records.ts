import { and, eq, inArray } from "drizzle-orm";
import { files, type FilePurpose, type StoredFile } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export function fileUrl(ctx: DomainContext, key: string): string {
  return `${ctx.config.appOrigin}/api/files/${key}`;
}

export function toFileView(ctx: DomainContext, file: StoredFile) {
  return { key: file.key, url: fileUrl(ctx, file.key), contentType: file.contentType, size: file.size, name: file.originalName };
}
export type FileView = ReturnType<typeof toFileView>;

/** Attachments and portfolio images must be files the same user uploaded (and images where asked). */
export async function requireOwnedFiles(
  ctx: DomainContext,
  ownerId: string,
  keys: string[],
  options: { field: string; imagesOnly?: boolean },
): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const rows = await ctx.db
    .select()
    .from(files)
    .where(and(inArray(files.key, unique), eq(files.ownerId, ownerId)));
  const found = new Map(rows.map((f) => [f.key, f]));
  const problems: string[] = [];
  for (const key of unique) {
    const file = found.get(key);
    if (!file) problems.push(`No upload of yours has the key "${key}".`);
    else if (options.imagesOnly && !file.contentType.startsWith("image/")) problems.push(`"${key}" is not an image.`);
  }
  if (problems.length > 0) throw new AppError(422, "invalid_files", problems[0], { [options.field]: problems });
  return unique;
}

/** File views for many owners' keys at once, keyed by file key. */
export async function fileViewsByKey(ctx: DomainContext, keys: string[]): Promise<Map<string, FileView>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.select().from(files).where(inArray(files.key, unique));
  return new Map(rows.map((f) => [f.key, toFileView(ctx, f)]));
}

export type { FilePurpose };

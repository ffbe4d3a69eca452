import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { files, type FilePurpose, type FileScope, type StoredFile } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export function fileUrl(ctx: DomainContext, key: string): string {
  return `${ctx.config.appOrigin}/api/files/${key}`;
}

export function toFileView(ctx: DomainContext, file: StoredFile) {
  return { key: file.key, url: fileUrl(ctx, file.key), contentType: file.contentType, size: file.size, name: file.originalName };
}
export type FileView = ReturnType<typeof toFileView>;

/** Where a file is being attached: who may read it from then on (see files/access.ts). */
export type FileTarget = { scope: "public"; id?: null } | { scope: Exclude<FileScope, "public">; id: string };

const sameTarget = (file: StoredFile, target: FileTarget) => file.scope === target.scope && (file.scopeId ?? null) === (target.id ?? null);

/**
 * Attachments and portfolio images must be files the same user uploaded (and images where asked), not yet
 * attached anywhere else: a file attached to one conversation never becomes readable in another.
 */
export async function requireOwnedFiles(
  ctx: DomainContext,
  ownerId: string,
  keys: string[],
  options: { field: string; imagesOnly?: boolean; target: FileTarget },
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
    else if (file.scope !== null && !sameTarget(file, options.target))
      problems.push(`"${file.originalName ?? key}" is already attached somewhere else: upload it again to attach it here.`);
  }
  if (problems.length > 0) throw new AppError(422, "invalid_files", problems[0], { [options.field]: problems });
  return unique;
}

/**
 * The write that gives checked files their target's readers; goes in the same batch as the write that attaches
 * them, so a file is never readable by people who cannot see where it is attached.
 */
export function scopeFilesStatement(ctx: DomainContext, ownerId: string, keys: string[], target: FileTarget) {
  return ctx.db
    .update(files)
    .set({ scope: target.scope, scopeId: target.id ?? null })
    .where(
      and(
        inArray(files.key, keys.length ? keys : [""]),
        eq(files.ownerId, ownerId),
        or(isNull(files.scope), and(eq(files.scope, target.scope), target.id ? eq(files.scopeId, target.id) : isNull(files.scopeId))),
      ),
    );
}

/** File views for many owners' keys at once, keyed by file key. */
export async function fileViewsByKey(ctx: DomainContext, keys: string[]): Promise<Map<string, FileView>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.select().from(files).where(inArray(files.key, unique));
  return new Map(rows.map((f) => [f.key, toFileView(ctx, f)]));
}

export type { FilePurpose };

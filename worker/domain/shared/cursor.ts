import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { AppError } from "../errors";

/** Opaque page cursors: keyset values for stable sorts, an offset for relevance (bm25) order. */
export type Cursor = { o: number } | { k: [number, string] };

export function encodeCursor(cursor: Cursor): string {
  return encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify(cursor)));
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const invalid = () => new AppError(400, "invalid_cursor", "This page cursor is not valid. Start again from the first page.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(value)));
  } catch {
    throw invalid();
  }
  if (parsed && typeof parsed === "object") {
    const c = parsed as Record<string, unknown>;
    if (Number.isSafeInteger(c.o) && (c.o as number) >= 0) return { o: c.o as number };
    if (Array.isArray(c.k) && c.k.length === 2 && typeof c.k[0] === "number" && Number.isFinite(c.k[0]) && typeof c.k[1] === "string") {
      return { k: [c.k[0], c.k[1]] };
    }
  }
  throw invalid();
}

export function offsetOf(cursor: Cursor | null): number {
  if (cursor && "o" in cursor) return cursor.o;
  if (cursor) throw new AppError(400, "invalid_cursor", "This page cursor belongs to another sort order.");
  return 0;
}

export function keysetOf(cursor: Cursor | null): [number, string] | null {
  if (cursor && "k" in cursor) return cursor.k;
  if (cursor) throw new AppError(400, "invalid_cursor", "This page cursor belongs to another sort order.");
  return null;
}

export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(Math.max(Math.trunc(limit), 1), max);
}

/** Filters arrive as "a,b" or as repeated query keys; both become a clean list. */
export function listParam(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

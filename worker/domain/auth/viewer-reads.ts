/**
 * Resolving the signed-in viewer and reading what the page shows about them in one database round trip: the
 * session lookup and the reads go in one batch, the reads keyed by the session's user id as SQL (so they find
 * nothing for a dead session), and their results are used only when the session is accepted.
 */
import type { SQL } from "drizzle-orm";
import type { DomainContext } from "../context";
import { acceptLiveSession, liveSessionQuery, liveSessionUserIdSql, type SessionKey, type Viewer } from "./sessions";

type Db = DomainContext["db"];
type BatchItem = Parameters<Db["batch"]>[0][number];
/** What each batched query resolves to, in order. */
export type BatchResults<T extends readonly BatchItem[]> = { -readonly [K in keyof T]: Awaited<T[K]> };
export type { BatchItem };

export async function loadViewerWith<T extends readonly BatchItem[]>(
  ctx: DomainContext,
  key: SessionKey,
  reads: (userId: SQL) => readonly [...T],
): Promise<{ viewer: Viewer | null; results: BatchResults<T> }> {
  const [sessionRows, ...results] = await ctx.db.batch([liveSessionQuery(ctx, key), ...reads(liveSessionUserIdSql(ctx, key))] as never as [
    BatchItem,
    ...BatchItem[],
  ]);
  const viewer = await acceptLiveSession(ctx, (sessionRows as Viewer[])[0]);
  return { viewer, results: results as unknown as BatchResults<T> };
}

import { useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { PresenceStatus } from "../../../party/messages";
import type { loader as rootLoader } from "../../root";
import { cx } from "../ui/cx";
import { presenceStore, type PresenceInfo } from "./presence-store";

const DOT: Record<PresenceStatus, string> = { online: "bg-green-600", away: "bg-amber-500", offline: "bg-slate-400" };
const LABEL: Record<PresenceStatus, string> = { online: "Online", away: "Away", offline: "Offline" };

/** Keeps the page's presence socket open: the signed-in viewer counts as online (or away) while it is. */
export function usePresenceConnection(): boolean {
  const signedIn = Boolean(useRouteLoaderData<typeof rootLoader>("root")?.viewer);
  useEffect(() => (signedIn ? presenceStore().retain() : undefined), [signedIn]);
  return signedIn;
}

/** Live status of one user; null until known (and always for visitors who are not signed in). */
export function usePresence(userId: string): (PresenceInfo & { now: number }) | null {
  const signedIn = usePresenceConnection();
  useEffect(() => {
    if (signedIn) presenceStore().want(userId);
  }, [signedIn, userId]);
  const subscribe = useCallback((listener: () => void) => (signedIn ? presenceStore().subscribe(listener) : () => {}), [signedIn]);
  const info = useSyncExternalStore(
    subscribe,
    () => (signedIn ? presenceStore().get(userId) : null),
    () => null,
  );
  const now = useSyncExternalStore(
    subscribe,
    () => (signedIn ? presenceStore().clock : 0),
    () => 0,
  );
  return info ? { ...info, now } : null;
}

export function lastSeenText(lastSeenAt: string | null, now: number): string | null {
  if (!lastSeenAt) return null;
  const minutes = Math.round((now - Date.parse(lastSeenAt)) / 60_000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });
  if (minutes < 1) return "last seen just now";
  if (minutes < 60) return `last seen ${format.format(-minutes, "minute")}`;
  if (minutes < 48 * 60) return `last seen ${format.format(-Math.round(minutes / 60), "hour")}`;
  return `last seen ${format.format(-Math.round(minutes / 1440), "day")}`;
}

/**
 * A user's presence: a coloured dot with its meaning in words (shown, or for screen readers only when
 * `compact`), and the last-seen time of someone offline.
 */
export function PresenceDot({ userId, compact = false, className }: { userId: string; compact?: boolean; className?: string }) {
  const presence = usePresence(userId);
  if (!presence) return null;
  const seen = presence.status === "offline" ? lastSeenText(presence.lastSeenAt, presence.now || Date.now()) : null;
  const text = seen ? `${LABEL[presence.status]}, ${seen}` : LABEL[presence.status];
  return (
    <span className={cx("inline-flex items-center gap-1.5 text-sm", className)} title={text} data-presence={presence.status}>
      <span aria-hidden="true" className={cx("inline-block h-2.5 w-2.5 shrink-0 rounded-full", DOT[presence.status])} />
      <span className={compact ? "sr-only" : "text-muted"}>{text}</span>
    </span>
  );
}

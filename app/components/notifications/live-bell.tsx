import { Link, useRevalidator } from "@remix-run/react";
import { WebSocket as ReconnectingWebSocket } from "partysocket";
import { useEffect, useRef, useState } from "react";
import type { UserRoomMessage } from "../../../party/messages";
import type { NotificationView } from "../../../worker/domain/notifications/center";

/** Fired on window for every live notification, so an open notification centre can refresh itself. */
export const LIVE_NOTIFICATION_EVENT = "megilance:notification";

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/**
 * The unread count, kept current by the user's personal room: a notification created anywhere shows up
 * without a reload. The count catches up from the API whenever the socket (re)opens.
 */
function useLiveUnread(userId: string | null, serverUnread: number) {
  const [unread, setUnread] = useState(serverUnread);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => setUnread(serverUnread), [serverUnread]);

  useEffect(() => {
    if (!userId) return;
    const socket = new ReconnectingWebSocket(
      async () => {
        const res = await fetch("/api/rooms/ticket", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ room: `user:${userId}` }),
        });
        if (!res.ok) throw new Error(`Notification ticket refused (${res.status})`);
        return ((await res.json()) as { url: string }).url;
      },
      [],
      { maxRetries: Infinity },
    );
    socket.addEventListener("open", () => {
      getJson<{ unreadCount: number }>("/api/notifications/unread-count")
        .then((r) => setUnread(r.unreadCount))
        .catch(() => {});
    });
    socket.addEventListener("message", (event) => {
      let message: UserRoomMessage;
      try {
        message = JSON.parse(String(event.data)) as UserRoomMessage;
      } catch {
        return;
      }
      if (message.type !== "notification") return;
      const notification = message.notification as NotificationView;
      if (!notification.read) setUnread((n) => n + 1);
      setAnnouncement(`New notification: ${notification.title}`);
      window.dispatchEvent(new CustomEvent(LIVE_NOTIFICATION_EVENT, { detail: notification }));
    });
    return () => socket.close();
  }, [userId]);

  return { unread, announcement };
}

/** The header's bell: a link to the notification centre with a live unread badge. */
export function LiveBell({ userId, unread: serverUnread }: { userId: string | null; unread: number }) {
  const { unread, announcement } = useLiveUnread(userId, serverUnread);
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <>
      <Link
        to="/notifications"
        aria-label={unread > 0 ? `Notifications, ${shown} unread` : "Notifications"}
        className="border-subtle relative rounded-full border p-2 hover:bg-black/5 dark:hover:bg-white/10"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white"
          >
            {shown}
          </span>
        ) : null}
      </Link>
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </>
  );
}

/** Reloads a page's data when a live notification arrives (the notification centre uses it). */
export function useRevalidateOnNotification() {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    const onNotification = () => latest.current.revalidate();
    window.addEventListener(LIVE_NOTIFICATION_EVENT, onNotification);
    return () => window.removeEventListener(LIVE_NOTIFICATION_EVENT, onNotification);
  }, []);
}

import { WebSocket as ReconnectingWebSocket } from "partysocket";
import { HEARTBEAT_EVERY_MS, HEARTBEAT_PING } from "../../../party/heartbeat";
import type { PresenceServerMessage, PresenceStatus } from "../../../party/messages";

/** A page left hidden, or without input, for this long makes its user away. */
export const AWAY_AFTER_MS = 5 * 60 * 1000;
const LOOKUP_DELAY_MS = 30;
const CLOCK_TICK_MS = 60 * 1000;
const RELEASE_GRACE_MS = 3000;

export interface PresenceInfo {
  status: PresenceStatus;
  lastSeenAt: string | null;
}

type Listener = () => void;

/**
 * One presence socket per page, shared by every dot on it and by the page's own online/away report.
 * It opens when the first user of it mounts and closes when the last one unmounts.
 */
class PresenceStore {
  private info = new Map<string, PresenceInfo>();
  private live = new Map<string, Exclude<PresenceStatus, "offline">>();
  private connected = false;
  private listeners = new Set<Listener>();
  private users = 0;
  private socket: ReconnectingWebSocket | null = null;
  private stop: (() => void) | null = null;
  private pending = new Set<string>();
  private lookupTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private mine: "online" | "away" = "online";
  /** Bumped every minute so "last seen" texts move on. */
  clock = Date.now();

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private cache = new Map<string, PresenceInfo | null>();

  /** The same object until something about this user changes (React compares snapshots by identity). */
  get(userId: string): PresenceInfo | null {
    const next = this.compute(userId);
    const previous = this.cache.get(userId);
    if (previous !== undefined && previous?.status === next?.status && previous?.lastSeenAt === next?.lastSeenAt) return previous;
    this.cache.set(userId, next);
    return next;
  }

  private compute(userId: string): PresenceInfo | null {
    const known = this.info.get(userId);
    const live = this.live.get(userId);
    if (this.connected) {
      if (live) return { status: live, lastSeenAt: null };
      if (known) return { status: "offline", lastSeenAt: known.lastSeenAt };
      return null;
    }
    return known ?? null;
  }

  /** Asks the API about users not seen yet (batched), for last-seen times and a first answer. */
  want(userId: string) {
    if (this.info.has(userId) || this.pending.has(userId)) return;
    this.pending.add(userId);
    clearTimeout(this.lookupTimer);
    this.lookupTimer = setTimeout(() => void this.lookup(), LOOKUP_DELAY_MS);
  }

  private async lookup() {
    const ids = [...this.pending].slice(0, 100);
    ids.forEach((id) => this.pending.delete(id));
    if (this.pending.size) this.lookupTimer = setTimeout(() => void this.lookup(), LOOKUP_DELAY_MS);
    const res = await fetch(`/api/presence?userIds=${ids.map(encodeURIComponent).join(",")}`).catch(() => null);
    if (!res?.ok) return;
    const { items } = (await res.json()) as { items: Array<{ userId: string } & PresenceInfo> };
    for (const item of items) this.info.set(item.userId, { status: item.status, lastSeenAt: item.lastSeenAt });
    this.emit();
  }

  /** Keeps the socket open while at least one component needs it. */
  retain(): () => void {
    this.users += 1;
    clearTimeout(this.closeTimer);
    if (!this.socket) this.open();
    return () => {
      this.users -= 1;
      // Moving to another page unmounts one shell and mounts the next: keep the socket through that.
      if (this.users === 0) this.closeTimer = setTimeout(() => this.users === 0 && this.close(), RELEASE_GRACE_MS);
    };
  }

  private open() {
    const socket = new ReconnectingWebSocket(
      async () => {
        const res = await fetch("/api/rooms/ticket", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ room: "presence" }),
        });
        if (!res.ok) throw new Error(`Presence ticket refused (${res.status})`);
        return ((await res.json()) as { url: string }).url;
      },
      [],
      { maxRetries: Infinity },
    );
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.connected = true;
      if (this.mine === "away") this.report("away");
      this.emit();
    });
    socket.addEventListener("close", () => {
      this.connected = false;
      this.live.clear();
      this.emit();
    });
    socket.addEventListener("message", (event) => this.receive(String(event.data)));
    const beat = setInterval(() => socket.readyState === socket.OPEN && socket.send(HEARTBEAT_PING), HEARTBEAT_EVERY_MS);
    const tick = setInterval(() => {
      this.clock = Date.now();
      this.emit();
    }, CLOCK_TICK_MS);
    const stopWatching = this.watchActivity();
    this.stop = () => {
      clearInterval(beat);
      clearInterval(tick);
      stopWatching();
      socket.close();
    };
  }

  private close() {
    this.stop?.();
    this.stop = null;
    this.socket = null;
    this.connected = false;
    this.live.clear();
  }

  private receive(text: string) {
    let message: PresenceServerMessage;
    try {
      message = JSON.parse(text) as PresenceServerMessage;
    } catch {
      return; // heartbeat answers and pongs are not JSON
    }
    switch (message.type) {
      case "snapshot":
        this.live = new Map(message.users.map((u) => [u.userId, u.status]));
        break;
      case "presence":
        if (message.status === "offline") {
          this.live.delete(message.userId);
          this.info.set(message.userId, { status: "offline", lastSeenAt: new Date().toISOString() });
        } else {
          this.live.set(message.userId, message.status);
        }
        break;
      default:
        message satisfies never;
    }
    this.emit();
  }

  /** Away when the page is hidden or nobody touched it for AWAY_AFTER_MS; online again on any input. */
  private watchActivity(): () => void {
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const next = document.visibilityState === "hidden" ? "away" : "online";
      clearTimeout(idleTimer);
      if (next === "online") idleTimer = setTimeout(() => this.setMine("away"), AWAY_AFTER_MS);
      this.setMine(next);
    };
    const events = ["pointerdown", "keydown", "scroll", "focus"] as const;
    let lastInput = 0;
    const onInput = () => {
      // Input arrives in bursts; re-arming the idle timer a few times a second is plenty.
      if (Date.now() - lastInput < 1000 && this.mine === "online") return;
      lastInput = Date.now();
      update();
    };
    document.addEventListener("visibilitychange", update);
    events.forEach((name) => window.addEventListener(name, onInput, { passive: true }));
    update();
    return () => {
      clearTimeout(idleTimer);
      document.removeEventListener("visibilitychange", update);
      events.forEach((name) => window.removeEventListener(name, onInput));
    };
  }

  private setMine(status: "online" | "away") {
    if (status === this.mine) return;
    this.mine = status;
    this.report(status);
  }

  private report(status: "online" | "away") {
    const socket = this.socket;
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: "status", status }));
  }

  private emit() {
    this.listeners.forEach((listener) => listener());
  }
}

let store: PresenceStore | null = null;

/** The page's presence store (browser only). */
export function presenceStore(): PresenceStore {
  return (store ??= new PresenceStore());
}

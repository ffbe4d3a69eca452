import { useEffect, useMemo, useRef, useState } from "react";
import YProvider from "y-partyserver/provider";
import * as Y from "yjs";
import { HEARTBEAT_EVERY_MS, HEARTBEAT_PING } from "../../../party/heartbeat";
import { cursorColor, shapeViews, undoManagerFor, type CursorState, type Point, type ShapeView } from "../../../party/whiteboard-model";

export type BoardStatus = "connecting" | "connected" | "disconnected";

export interface RemoteCursor {
  clientId: number;
  name: string;
  color: string;
  at: Point;
}

/** A fresh one-minute ticket for the board; asked again on every reconnect. */
async function boardTicket(contractId: string): Promise<{ ticket: string }> {
  const res = await fetch("/api/rooms/ticket", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ room: `whiteboard:${contractId}` }),
  });
  if (!res.ok) throw new Error(`The whiteboard ticket was refused (${res.status}).`);
  const { url } = (await res.json()) as { url: string };
  return { ticket: new URL(url).searchParams.get("ticket") ?? "" };
}

/**
 * The contract's board: a Yjs document kept in sync with the room, the shapes to draw, the other people's
 * cursors, this person's own undo history and the connection status.
 */
export function useBoard(contractId: string, me: { id: string; name: string }) {
  const doc = useMemo(() => new Y.Doc(), [contractId]); // eslint-disable-line react-hooks/exhaustive-deps
  const origin = useMemo(() => ({ author: me.id }), [me.id]);
  const undo = useMemo(() => undoManagerFor(doc, origin), [doc, origin]);
  const [shapes, setShapes] = useState<ShapeView[]>([]);
  const [status, setStatus] = useState<BoardStatus>("connecting");
  const [synced, setSynced] = useState(false);
  const [cursors, setCursors] = useState<RemoteCursor[]>([]);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const providerRef = useRef<YProvider | null>(null);

  useEffect(() => {
    let frame = 0;
    const refresh = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setShapes(shapeViews(doc)));
    };
    doc.on("update", refresh);
    const provider = new YProvider(location.host, contractId, doc, {
      party: "whiteboard",
      protocol: location.protocol === "https:" ? "wss" : "ws",
      params: () => boardTicket(contractId),
      disableBc: true,
    });
    providerRef.current = provider;
    provider.awareness.setLocalState({ user: { id: me.id, name: me.name, color: cursorColor(me.id) }, cursor: null } satisfies CursorState);
    provider.on("status", ({ status }: { status: BoardStatus }) => setStatus(status));
    provider.on("sync", (isSynced: boolean) => {
      setSynced(isSynced);
      refresh();
    });
    const onAwareness = () => {
      const others: RemoteCursor[] = [];
      provider.awareness.getStates().forEach((state, clientId) => {
        const s = state as Partial<CursorState>;
        if (clientId === doc.clientID || !s.user || !s.cursor) return;
        others.push({ clientId, name: String(s.user.name).slice(0, 60), color: cursorColor(String(s.user.id)), at: s.cursor });
      });
      setCursors(others);
    };
    provider.awareness.on("change", onAwareness);
    const beat = setInterval(() => {
      if (provider.ws?.readyState === WebSocket.OPEN) provider.ws.send(HEARTBEAT_PING);
    }, HEARTBEAT_EVERY_MS);
    const onHistory = () => setHistory({ canUndo: undo.canUndo(), canRedo: undo.canRedo() });
    undo.on("stack-item-added", onHistory);
    undo.on("stack-item-popped", onHistory);
    return () => {
      clearInterval(beat);
      cancelAnimationFrame(frame);
      doc.off("update", refresh);
      undo.off("stack-item-added", onHistory);
      undo.off("stack-item-popped", onHistory);
      provider.awareness.off("change", onAwareness);
      providerRef.current = null;
      provider.destroy();
    };
  }, [contractId, doc, me.id, me.name, undo]);

  const moveCursor = (at: Point | null) => {
    const awareness = providerRef.current?.awareness;
    if (awareness) awareness.setLocalStateField("cursor", at);
  };

  return { doc, origin, undo, shapes, status, synced, cursors, history, moveCursor };
}

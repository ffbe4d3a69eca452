import { useEffect, useId, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import {
  addShape,
  addText,
  BOARD_HEIGHT,
  BOARD_WIDTH,
  eraseShapes,
  extendStroke,
  MAX_TEXT_CHARS,
  resizeShape,
  shapesAt,
  startStroke,
  type Point,
} from "../../../party/whiteboard-model";
import { Button } from "../ui/button";
import { cx } from "../ui/cx";
import { inputClass } from "../ui/field";
import { drawBoard, exportPng } from "./render";
import { useBoard, type BoardStatus } from "./use-board";

type Tool = "pen" | "line" | "rect" | "ellipse" | "text" | "eraser";
const TOOLS: Array<{ tool: Tool; label: string }> = [
  { tool: "pen", label: "Pen" },
  { tool: "line", label: "Line" },
  { tool: "rect", label: "Rectangle" },
  { tool: "ellipse", label: "Ellipse" },
  { tool: "text", label: "Text" },
  { tool: "eraser", label: "Eraser" },
];
const STATUS_TEXT: Record<BoardStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  disconnected: "Offline, reconnecting…",
};
const ERASER_RADIUS = 8;
const CURSOR_EVERY_MS = 40;

type Gesture = { kind: "pen"; id: string } | { kind: "shape"; id: string; from: Point } | { kind: "eraser" } | null;

/** The shared whiteboard of one contract: tools, the drawing surface and the other people's cursors. */
export function Whiteboard({ contractId, me, fileName }: { contractId: string; me: { id: string; name: string }; fileName: string }) {
  const board = useBoard(contractId, me);
  const { doc, origin, undo, shapes, status, synced, cursors, history } = board;
  const [tool, setTool] = useState<Tool>("pen");
  const [color, setColor] = useState("#1d4ed8");
  const [width, setWidth] = useState(4);
  const [text, setText] = useState("");
  const [exportError, setExportError] = useState<string | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const gesture = useRef<Gesture>(null);
  const lastCursor = useRef(0);
  const [pixelWidth, setPixelWidth] = useState(0);
  const ids = { color: useId(), width: useId(), text: useId(), status: useId() };

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => setPixelWidth(Math.round(canvas.clientWidth * (window.devicePixelRatio || 1))));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context || pixelWidth === 0) return;
    canvas.width = pixelWidth;
    canvas.height = Math.round((pixelWidth * BOARD_HEIGHT) / BOARD_WIDTH);
    drawBoard(context, shapes, pixelWidth / BOARD_WIDTH);
  }, [shapes, pixelWidth]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement).closest("input, textarea")) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) undo.undo();
      else if (key === "y" || (key === "z" && event.shiftKey)) undo.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo]);

  const toBoard = (event: { clientX: number; clientY: number }): Point => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) / rect.width) * BOARD_WIDTH, y: ((event.clientY - rect.top) / rect.height) * BOARD_HEIGHT };
  };
  const style = () => ({ id: crypto.randomUUID(), author: me.id, color, width });
  const eraseAt = (at: Point) => eraseShapes(doc, origin, shapesAt(shapes, at, ERASER_RADIUS));

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = toBoard(event);
    undo.stopCapturing();
    switch (tool) {
      case "pen": {
        const s = style();
        startStroke(doc, origin, s, at);
        gesture.current = { kind: "pen", id: s.id };
        return;
      }
      case "line":
      case "rect":
      case "ellipse": {
        const s = style();
        addShape(doc, origin, tool, s, at, at);
        gesture.current = { kind: "shape", id: s.id, from: at };
        return;
      }
      case "text":
        addText(doc, origin, style(), at, text);
        return;
      case "eraser":
        eraseAt(at);
        gesture.current = { kind: "eraser" };
        return;
      default:
        tool satisfies never;
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const at = toBoard(event);
    if (Date.now() - lastCursor.current > CURSOR_EVERY_MS) {
      lastCursor.current = Date.now();
      board.moveCursor(at);
    }
    const current = gesture.current;
    if (!current) return;
    if (current.kind === "pen") {
      const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
      extendStroke(doc, origin, current.id, events.length ? events.map(toBoard) : [at]);
    } else if (current.kind === "shape") {
      resizeShape(doc, origin, current.id, current.from, at);
    } else {
      eraseAt(at);
    }
  };

  const endGesture = () => {
    gesture.current = null;
  };

  const onExport = () => {
    setExportError(null);
    exportPng(shapes, fileName).catch((error: Error) => setExportError(error.message));
  };

  return (
    <div className="space-y-3">
      <div role="toolbar" aria-label="Drawing tools" className="flex flex-wrap items-end gap-2">
        <div className="flex flex-wrap gap-1" role="group" aria-label="Tool">
          {TOOLS.map((t) => (
            <button
              key={t.tool}
              type="button"
              aria-pressed={tool === t.tool}
              onClick={() => setTool(t.tool)}
              className={cx(
                "rounded-control border px-3 py-1.5 text-sm font-medium",
                tool === t.tool
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-subtle surface hover:bg-black/5 dark:hover:bg-white/10",
              )}
            >
              {t.label}
            </button>
          ))}
        </div>
        <label htmlFor={ids.color} className="flex items-center gap-1 text-sm">
          Colour
          <input
            id={ids.color}
            type="color"
            value={color}
            onChange={(e) => setColor(e.target.value)}
            className="border-subtle h-9 w-11 rounded-control border"
          />
        </label>
        <label htmlFor={ids.width} className="flex items-center gap-1 text-sm">
          Width
          <input id={ids.width} type="range" min={1} max={24} value={width} onChange={(e) => setWidth(Number(e.target.value))} />
          <span className="w-6 text-right tabular-nums">{width}</span>
        </label>
        {tool === "text" ? (
          <label htmlFor={ids.text} className="flex items-center gap-1 text-sm">
            Text to place
            <input
              id={ids.text}
              value={text}
              maxLength={MAX_TEXT_CHARS}
              onChange={(e) => setText(e.target.value)}
              className={cx(inputClass, "w-44 py-1.5")}
            />
          </label>
        ) : null}
        <div className="flex gap-1">
          <Button type="button" variant="secondary" size="sm" onClick={() => undo.undo()} disabled={!history.canUndo}>
            Undo
          </Button>
          <Button type="button" variant="secondary" size="sm" onClick={() => undo.redo()} disabled={!history.canRedo}>
            Redo
          </Button>
          <Button type="button" variant="secondary" size="sm" onClick={onExport}>
            Export PNG
          </Button>
        </div>
      </div>
      <p id={ids.status} role="status" className="text-muted flex flex-wrap gap-x-3 text-sm">
        <span>
          <span
            aria-hidden="true"
            className={cx(
              "mr-1 inline-block h-2 w-2 rounded-full",
              status === "connected" ? "bg-green-600" : status === "connecting" ? "bg-amber-500" : "bg-red-600",
            )}
          />
          {STATUS_TEXT[status]}
          {status === "connected" && !synced ? " (loading the board…)" : ""}
        </span>
        <span>
          {shapes.length === 1 ? "1 shape on the board" : `${shapes.length} shapes on the board`}
          {cursors.length ? ` · also here: ${cursors.map((c) => c.name).join(", ")}` : ""}
        </span>
      </p>
      {tool === "text" && !text.trim() ? <p className="text-sm">Type the text above, then tap the board where it should go.</p> : null}
      {exportError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {exportError}
        </p>
      ) : null}
      <div className="border-subtle relative overflow-hidden rounded-card border">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Shared whiteboard with ${shapes.length} ${shapes.length === 1 ? "shape" : "shapes"}`}
          aria-describedby={ids.status}
          className={cx("block aspect-[8/5] w-full touch-none bg-white", tool === "eraser" ? "cursor-cell" : "cursor-crosshair")}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endGesture}
          onPointerCancel={endGesture}
          onPointerLeave={() => board.moveCursor(null)}
        />
        {cursors.map((c) => (
          <div
            key={c.clientId}
            aria-hidden="true"
            className="pointer-events-none absolute left-0 top-0"
            style={{ left: `${(c.at.x / BOARD_WIDTH) * 100}%`, top: `${(c.at.y / BOARD_HEIGHT) * 100}%` }}
          >
            <svg viewBox="0 0 16 16" className="h-4 w-4" style={{ color: c.color }}>
              <path d="M1 1l5 14 2-6 6-2z" fill="currentColor" stroke="#fff" strokeWidth="1" />
            </svg>
            <span
              className="ml-3 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold"
              style={{ background: c.color, color: readableTextOn(c.color) }}
            >
              {c.name}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

/** Black or white, whichever reads better on a #rrggbb background (WCAG relative luminance). */
export function readableTextOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return "#000";
  const channel = (i: number) => {
    const v = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white is 1.05/(L+0.05), with black (L+0.05)/0.05; pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#fff" : "#000";
}

import * as Y from "yjs";

/**
 * The whiteboard's Yjs document, shared by the room and the browser. The board is one Y.Array of shapes
 * (`shapes`), oldest first; each shape is a Y.Map so a stroke can grow while it is drawn and everybody sees
 * it grow. Coordinates are in board units (BOARD_WIDTH x BOARD_HEIGHT), independent of the screen.
 */
export const BOARD_WIDTH = 1600;
export const BOARD_HEIGHT = 1000;
export const SHAPES_KEY = "shapes";
export const MAX_TEXT_CHARS = 500;

export type ShapeKind = "pen" | "rect" | "ellipse" | "line" | "text";

interface ShapeBase {
  id: string;
  author: string;
  color: string;
  width: number;
}
export type ShapeView =
  | (ShapeBase & { kind: "pen"; points: number[] })
  | (ShapeBase & { kind: "rect" | "ellipse" | "line"; x1: number; y1: number; x2: number; y2: number })
  | (ShapeBase & { kind: "text"; x: number; y: number; text: string; size: number });

export interface Point {
  x: number;
  y: number;
}

export function shapesOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(SHAPES_KEY);
}

const clampX = (x: number) => Math.round(Math.min(Math.max(x, 0), BOARD_WIDTH) * 10) / 10;
const clampY = (y: number) => Math.round(Math.min(Math.max(y, 0), BOARD_HEIGHT) * 10) / 10;
const COLOR = /^#[0-9a-f]{6}$/i;

function base(style: { id: string; author: string; color: string; width: number }, kind: ShapeKind): Y.Map<unknown> {
  const shape = new Y.Map<unknown>();
  shape.set("id", style.id);
  shape.set("kind", kind);
  shape.set("author", style.author);
  shape.set("color", COLOR.test(style.color) ? style.color : "#111827");
  shape.set("width", Math.min(Math.max(Math.round(style.width), 1), 64));
  return shape;
}

export interface Style {
  id: string;
  author: string;
  color: string;
  width: number;
}

/** Starts a freehand stroke at `at`; extendStroke adds points as the pen moves. */
export function startStroke(doc: Y.Doc, origin: unknown, style: Style, at: Point): void {
  doc.transact(() => {
    const shape = base(style, "pen");
    const points = new Y.Array<number>();
    points.push([clampX(at.x), clampY(at.y)]);
    shape.set("points", points);
    shapesOf(doc).push([shape]);
  }, origin);
}

export function extendStroke(doc: Y.Doc, origin: unknown, id: string, at: Point[]): void {
  const shape = findShape(doc, id);
  const points = shape?.get("points");
  if (!(points instanceof Y.Array) || at.length === 0) return;
  doc.transact(() => points.push(at.flatMap((p) => [clampX(p.x), clampY(p.y)])), origin);
}

/** A rectangle, ellipse or line from one corner (or end) to the other. */
export function addShape(doc: Y.Doc, origin: unknown, kind: "rect" | "ellipse" | "line", style: Style, from: Point, to: Point): void {
  doc.transact(() => {
    const shape = base(style, kind);
    setCorners(shape, from, to);
    shapesOf(doc).push([shape]);
  }, origin);
}

/** Moves the far corner of a shape being dragged out. */
export function resizeShape(doc: Y.Doc, origin: unknown, id: string, from: Point, to: Point): void {
  const shape = findShape(doc, id);
  if (shape) doc.transact(() => setCorners(shape, from, to), origin);
}

function setCorners(shape: Y.Map<unknown>, from: Point, to: Point) {
  shape.set("x1", clampX(from.x));
  shape.set("y1", clampY(from.y));
  shape.set("x2", clampX(to.x));
  shape.set("y2", clampY(to.y));
}

export function addText(doc: Y.Doc, origin: unknown, style: Style, at: Point, text: string): void {
  const trimmed = text.trim().slice(0, MAX_TEXT_CHARS);
  if (!trimmed) return;
  doc.transact(() => {
    const shape = base(style, "text");
    shape.set("x", clampX(at.x));
    shape.set("y", clampY(at.y));
    shape.set("text", trimmed);
    shape.set("size", Math.min(Math.max(12 + style.width * 2, 12), 96));
    shapesOf(doc).push([shape]);
  }, origin);
}

/** Removes shapes by id (the eraser); ids already gone are ignored. */
export function eraseShapes(doc: Y.Doc, origin: unknown, ids: string[]): void {
  if (ids.length === 0) return;
  const wanted = new Set(ids);
  const shapes = shapesOf(doc);
  doc.transact(() => {
    for (let i = shapes.length - 1; i >= 0; i--) {
      if (wanted.has(String(shapes.get(i).get("id")))) shapes.delete(i, 1);
    }
  }, origin);
}

export function clearBoard(doc: Y.Doc, origin: unknown): void {
  const shapes = shapesOf(doc);
  if (shapes.length) doc.transact(() => shapes.delete(0, shapes.length), origin);
}

function findShape(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const shapes = shapesOf(doc);
  for (let i = shapes.length - 1; i >= 0; i--) {
    const shape = shapes.get(i);
    if (shape.get("id") === id) return shape;
  }
  return undefined;
}

/**
 * Undo and redo of one person's own changes only: the manager tracks transactions made with `origin`,
 * so undoing never takes back what somebody else drew. Call stopCapturing() when a new gesture begins.
 */
export function undoManagerFor(doc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager(shapesOf(doc), { trackedOrigins: new Set([origin]), captureTimeout: 60_000 });
}

/** Plain shapes for drawing, oldest first; malformed entries (from an old or hostile client) are skipped. */
export function shapeViews(doc: Y.Doc): ShapeView[] {
  const views: ShapeView[] = [];
  for (const shape of shapesOf(doc)) {
    const view = toView(shape);
    if (view) views.push(view);
  }
  return views;
}

function toView(shape: unknown): ShapeView | null {
  if (!(shape instanceof Y.Map)) return null;
  const get = (key: string) => shape.get(key);
  const num = (key: string) => (typeof get(key) === "number" ? (get(key) as number) : NaN);
  const common = {
    id: String(get("id") ?? ""),
    author: String(get("author") ?? ""),
    color: COLOR.test(String(get("color"))) ? String(get("color")) : "#111827",
    width: Number.isFinite(num("width")) ? num("width") : 2,
  };
  const kind = get("kind");
  switch (kind) {
    case "pen": {
      const points = get("points");
      return points instanceof Y.Array ? { ...common, kind, points: points.toArray().filter((n) => typeof n === "number") } : null;
    }
    case "rect":
    case "ellipse":
    case "line": {
      const [x1, y1, x2, y2] = [num("x1"), num("y1"), num("x2"), num("y2")];
      return [x1, y1, x2, y2].every(Number.isFinite) ? { ...common, kind, x1, y1, x2, y2 } : null;
    }
    case "text": {
      const [x, y, size] = [num("x"), num("y"), num("size")];
      const text = get("text");
      return typeof text === "string" && [x, y, size].every(Number.isFinite) ? { ...common, kind, x, y, size, text } : null;
    }
    default:
      return null;
  }
}

/** Ids of the shapes within `radius` of `at`, topmost first (what the eraser touches). */
export function shapesAt(shapes: ShapeView[], at: Point, radius: number): string[] {
  const hits: string[] = [];
  for (let i = shapes.length - 1; i >= 0; i--) {
    if (touches(shapes[i], at, radius)) hits.push(shapes[i].id);
  }
  return hits;
}

function touches(shape: ShapeView, at: Point, radius: number): boolean {
  const reach = radius + shape.width / 2;
  switch (shape.kind) {
    case "pen": {
      const p = shape.points;
      if (p.length === 2) return Math.hypot(at.x - p[0], at.y - p[1]) <= reach;
      for (let i = 2; i + 1 < p.length; i += 2) {
        if (segmentDistance(at, { x: p[i - 2], y: p[i - 1] }, { x: p[i], y: p[i + 1] }) <= reach) return true;
      }
      return false;
    }
    case "line":
      return segmentDistance(at, { x: shape.x1, y: shape.y1 }, { x: shape.x2, y: shape.y2 }) <= reach;
    case "rect":
    case "ellipse": {
      const [left, right] = [Math.min(shape.x1, shape.x2), Math.max(shape.x1, shape.x2)];
      const [top, bottom] = [Math.min(shape.y1, shape.y2), Math.max(shape.y1, shape.y2)];
      return at.x >= left - reach && at.x <= right + reach && at.y >= top - reach && at.y <= bottom + reach;
    }
    case "text": {
      const width = shape.text.length * shape.size * 0.6;
      return (
        at.x >= shape.x - radius && at.x <= shape.x + width + radius && at.y >= shape.y - radius && at.y <= shape.y + shape.size + radius
      );
    }
    default:
      return shape satisfies never;
  }
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** What each person shares about themselves through Yjs awareness: who they are and where their pointer is. */
export interface CursorState {
  user: { id: string; name: string; color: string };
  cursor: Point | null;
}

/** A stable colour for a user's cursor, from their id. */
export function cursorColor(userId: string): string {
  const palette = ["#dc2626", "#2563eb", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#db2777", "#4d7c0f"];
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length];
}

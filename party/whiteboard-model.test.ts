import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addShape,
  addText,
  eraseShapes,
  extendStroke,
  shapesAt,
  shapeViews,
  startStroke,
  undoManagerFor,
  type Style,
} from "./whiteboard-model";

const style = (id: string, author = "ann"): Style => ({ id, author, color: "#2563eb", width: 4 });

/** Two documents that exchange their updates both ways, like two browsers through the room. */
function linkedPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (update: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(b, update, "remote"));
  b.on("update", (update: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a, update, "remote"));
  return { a, b };
}

describe("whiteboard document model", () => {
  it("adds strokes that grow point by point, shapes and text, and erases by id", () => {
    const doc = new Y.Doc();
    startStroke(doc, "me", style("s1"), { x: 10, y: 10 });
    extendStroke(doc, "me", "s1", [
      { x: 20, y: 20 },
      { x: 30, y: 25 },
    ]);
    addShape(doc, "me", "rect", style("r1"), { x: 100, y: 100 }, { x: 50, y: 160 });
    addText(doc, "me", style("t1"), { x: 300, y: 300 }, "  Hello board  ");
    addText(doc, "me", style("t2"), { x: 300, y: 300 }, "   ");
    expect(shapeViews(doc)).toEqual([
      { id: "s1", kind: "pen", author: "ann", color: "#2563eb", width: 4, points: [10, 10, 20, 20, 30, 25] },
      { id: "r1", kind: "rect", author: "ann", color: "#2563eb", width: 4, x1: 100, y1: 100, x2: 50, y2: 160 },
      { id: "t1", kind: "text", author: "ann", color: "#2563eb", width: 4, x: 300, y: 300, text: "Hello board", size: 20 },
    ]);
    expect(shapesAt(shapeViews(doc), { x: 21, y: 21 }, 3)).toEqual(["s1"]);
    expect(shapesAt(shapeViews(doc), { x: 75, y: 130 }, 3)).toEqual(["r1"]);
    expect(shapesAt(shapeViews(doc), { x: 900, y: 900 }, 3)).toEqual([]);
    eraseShapes(doc, "me", ["s1", "missing"]);
    expect(shapeViews(doc).map((s) => s.id)).toEqual(["r1", "t1"]);
  });

  it("keeps points on the board and replaces bad colours", () => {
    const doc = new Y.Doc();
    startStroke(doc, "me", { ...style("s"), color: "red; background:url(x)" }, { x: -50, y: 5000 });
    expect(shapeViews(doc)[0]).toMatchObject({ color: "#111827", points: [0, 1000] });
  });

  it("undoes and redoes only the local person's own changes, one gesture at a time", () => {
    const { a, b } = linkedPair();
    const undoA = undoManagerFor(a, "ann");
    startStroke(a, "ann", style("a1"), { x: 1, y: 1 });
    extendStroke(a, "ann", "a1", [{ x: 2, y: 2 }]);
    undoA.stopCapturing();
    startStroke(b, "bob", style("b1", "bob"), { x: 5, y: 5 });
    addShape(a, "ann", "line", style("a2"), { x: 0, y: 0 }, { x: 10, y: 10 });
    undoA.stopCapturing();
    expect(shapeViews(b).map((s) => s.id)).toEqual(["a1", "b1", "a2"]);

    undoA.undo();
    expect(shapeViews(b).map((s) => s.id)).toEqual(["a1", "b1"]);
    undoA.undo();
    expect(shapeViews(b).map((s) => s.id)).toEqual(["b1"]);
    expect(undoA.canUndo()).toBe(false);
    undoA.redo();
    expect(shapeViews(b)).toEqual([expect.objectContaining({ id: "a1", points: [1, 1, 2, 2] }), expect.objectContaining({ id: "b1" })]);

    // Erasing is undoable too: the shape comes back.
    eraseShapes(a, "ann", ["b1"]);
    undoA.stopCapturing();
    expect(shapeViews(b).map((s) => s.id)).toEqual(["a1"]);
    undoA.undo();
    expect(
      shapeViews(b)
        .map((s) => s.id)
        .sort(),
    ).toEqual(["a1", "b1"]);
  });

  it("merges concurrent edits made offline by two people into the same board on both sides", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    startStroke(a, "ann", style("base"), { x: 1, y: 1 });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both edit without seeing each other: a grows the stroke and adds a shape, b erases the stroke and writes text.
    extendStroke(a, "ann", "base", [{ x: 9, y: 9 }]);
    addShape(a, "ann", "ellipse", style("a-ellipse"), { x: 10, y: 10 }, { x: 20, y: 20 });
    eraseShapes(b, "bob", ["base"]);
    addText(b, "bob", style("b-text", "bob"), { x: 40, y: 40 }, "note");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(shapeViews(a)).toEqual(shapeViews(b));
    expect(
      shapeViews(a)
        .map((s) => s.id)
        .sort(),
    ).toEqual(["a-ellipse", "b-text"]);
  });
});

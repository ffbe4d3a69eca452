import { BOARD_HEIGHT, BOARD_WIDTH, type ShapeView } from "../../../party/whiteboard-model";

/** The board is always white paper with dark ink by default, in both themes, so exports look the same. */
export const PAPER = "#ffffff";

/** Draws the whole board at `scale` device pixels per board unit. */
export function drawBoard(context: CanvasRenderingContext2D, shapes: ShapeView[], scale: number): void {
  context.save();
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.fillStyle = PAPER;
  context.fillRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT);
  context.lineCap = "round";
  context.lineJoin = "round";
  for (const shape of shapes) drawShape(context, shape);
  context.restore();
}

function drawShape(context: CanvasRenderingContext2D, shape: ShapeView): void {
  context.strokeStyle = shape.color;
  context.fillStyle = shape.color;
  context.lineWidth = shape.width;
  switch (shape.kind) {
    case "pen": {
      const p = shape.points;
      if (p.length < 2) return;
      context.beginPath();
      if (p.length === 2) {
        context.arc(p[0], p[1], shape.width / 2, 0, Math.PI * 2);
        context.fill();
        return;
      }
      context.moveTo(p[0], p[1]);
      for (let i = 2; i + 1 < p.length; i += 2) context.lineTo(p[i], p[i + 1]);
      context.stroke();
      return;
    }
    case "line":
      context.beginPath();
      context.moveTo(shape.x1, shape.y1);
      context.lineTo(shape.x2, shape.y2);
      context.stroke();
      return;
    case "rect":
      context.strokeRect(
        Math.min(shape.x1, shape.x2),
        Math.min(shape.y1, shape.y2),
        Math.abs(shape.x2 - shape.x1),
        Math.abs(shape.y2 - shape.y1),
      );
      return;
    case "ellipse":
      context.beginPath();
      context.ellipse(
        (shape.x1 + shape.x2) / 2,
        (shape.y1 + shape.y2) / 2,
        Math.abs(shape.x2 - shape.x1) / 2,
        Math.abs(shape.y2 - shape.y1) / 2,
        0,
        0,
        Math.PI * 2,
      );
      context.stroke();
      return;
    case "text":
      context.font = `${shape.size}px ui-sans-serif, system-ui, sans-serif`;
      context.textBaseline = "top";
      context.fillText(shape.text, shape.x, shape.y);
      return;
    default:
      shape satisfies never;
  }
}

/** The board as a PNG file, at its full size, whatever the screen size. */
export function exportPng(shapes: ShapeView[], fileName: string): Promise<void> {
  const canvas = document.createElement("canvas");
  canvas.width = BOARD_WIDTH;
  canvas.height = BOARD_HEIGHT;
  const context = canvas.getContext("2d");
  if (!context) return Promise.reject(new Error("This browser cannot draw the board."));
  drawBoard(context, shapes, 1);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error("The board could not be exported."));
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      resolve();
    }, "image/png"),
  );
}

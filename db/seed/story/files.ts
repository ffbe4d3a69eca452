/** Small real files for the demo story: a wireframe image (PNG) and short documents (PDF), made on the spot. */
import { deflateSync } from "node:zlib";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

type Box = { x: number; y: number; w: number; h: number; rgb: [number, number, number] };

/** A page wireframe: grey blocks for header, hero, cards and footer on white, as a truecolour PNG. */
export function wireframePng(width = 480, height = 320, accent: [number, number, number] = [79, 70, 229]): Uint8Array {
  const boxes: Box[] = [
    { x: 0, y: 0, w: width, h: 36, rgb: [30, 41, 59] },
    { x: 24, y: 60, w: width * 0.55, h: 28, rgb: [203, 213, 225] },
    { x: 24, y: 98, w: width * 0.4, h: 14, rgb: [226, 232, 240] },
    { x: 24, y: 126, w: 96, h: 28, rgb: accent },
    ...[0, 1, 2].map((i) => ({
      x: 24 + i * ((width - 48) / 3),
      y: 180,
      w: (width - 48) / 3 - 12,
      h: 90,
      rgb: [241, 245, 249] as Box["rgb"],
    })),
    { x: 0, y: height - 24, w: width, h: 24, rgb: [226, 232, 240] },
  ];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const box = [...boxes].reverse().find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
      const [r, g, b] = box?.rgb ?? [255, 255, 255];
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", new Uint8Array()),
    ]),
  );
}

type Rgb = [number, number, number];

/** A generated head-and-shoulders portrait: a coloured backdrop, shoulders, a face and hair, as a square PNG. */
export function portraitPng(side: number, colours: { backdrop: Rgb; skin: Rgb; hair: Rgb; shirt: Rgb }): Uint8Array {
  const raw = Buffer.alloc((side * 3 + 1) * side);
  const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  const c = side / 2;
  for (let y = 0; y < side; y++) {
    const row = y * (side * 3 + 1);
    for (let x = 0; x < side; x++) {
      let colour = colours.backdrop;
      if (inEllipse(x, y, c, side * 1.02, side * 0.42, side * 0.3)) colour = colours.shirt;
      else if (inEllipse(x, y, c, side * 0.36, side * 0.2, side * 0.22) && y < side * 0.3) colour = colours.hair;
      else if (inEllipse(x, y, c, side * 0.42, side * 0.17, side * 0.21)) colour = colours.skin;
      else if (x > c - side * 0.06 && x < c + side * 0.06 && y > side * 0.58 && y < side * 0.74) colour = colours.skin;
      raw.set(colour, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", new Uint8Array()),
    ]),
  );
}

/** A one-page document with a title and paragraphs, as a PDF; fixed dates keep the bytes repeatable. */
export async function documentPdf(title: string, paragraphs: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fixed = new Date(Date.UTC(2026, 0, 1));
  pdf.setTitle(title);
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  pdf.setProducer("MegiLance demo");
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawText(title, { x: 56, y: 770, size: 20, font: bold, color: rgb(0.06, 0.09, 0.16) });
  let y = 730;
  for (const paragraph of paragraphs) {
    const words = paragraph.split(" ");
    let line = "";
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, 11) > 480) {
        page.drawText(line, { x: 56, y, size: 11, font });
        y -= 16;
        line = word;
      } else line = next;
    }
    if (line) page.drawText(line, { x: 56, y, size: 11, font });
    y -= 28;
  }
  return pdf.save({ useObjectStreams: false });
}

/** Minimal file headers for upload tests: enough bytes for type sniffing and dimension parsing. */
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const pad = (bytes: number[], size = 64) => new Uint8Array([...bytes, ...new Array(Math.max(0, size - bytes.length)).fill(0)]);

export function pngBytes(width: number, height: number, size?: number): Uint8Array {
  return pad(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...be32(13), ...ascii("IHDR"), ...be32(width), ...be32(height), 8, 6, 0, 0, 0],
    size,
  );
}

export function jpegBytes(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x11,
    8,
    (height >> 8) & 255,
    height & 255,
    (width >> 8) & 255,
    width & 255,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  return pad([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

export function gifBytes(width: number, height: number): Uint8Array {
  return pad([...ascii("GIF89a"), ...le16(width), ...le16(height), 0, 0, 0]);
}

export function webpBytes(width: number, height: number): Uint8Array {
  return pad([
    ...ascii("RIFF"),
    30,
    0,
    0,
    0,
    ...ascii("WEBP"),
    ...ascii("VP8X"),
    10,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    ...le24(width - 1),
    ...le24(height - 1),
  ]);
}

export function pdfBytes(size = 200): Uint8Array {
  return pad(ascii("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), size);
}

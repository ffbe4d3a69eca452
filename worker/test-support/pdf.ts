import { SELF } from "cloudflare:test";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";

/** The text drawn on a PDF's pages (content streams decoded; standard fonts draw hex strings). */
export async function pageText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  let text = "";
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as never);
      if (!(stream instanceof PDFRawStream)) continue;
      const raw = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      for (const [, hex] of raw.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
        text +=
          hex
            .match(/../g)!
            .map((h) => String.fromCharCode(parseInt(h, 16)))
            .join("") + "\n";
      }
    }
  }
  return text;
}

/** A PDF through the whole Worker, as an API client downloads it. */
export async function fetchPdf(path: string, token: string) {
  const res = await SELF.fetch(`http://localhost${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get("Content-Type"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

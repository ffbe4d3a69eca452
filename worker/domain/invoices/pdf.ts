import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { chargedSentence } from "../currency/charged";
import { formatDateTime } from "../time/format";
import { plainAmount, percentOfBps } from "./format";
import type { InvoiceView } from "./queries";
import type { InvoiceParty } from "../../../db/schema";

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 50;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.42, 0.46);

/** The standard PDF fonts speak WinAnsi only: other characters print as "?" rather than failing. */
function printable(text: string, font: PDFFont): string {
  const known = new Set(font.getCharacterSet());
  return [...text.normalize("NFC")].map((ch) => (known.has(ch.codePointAt(0) as number) ? ch : "?")).join("");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

function partyLines(p: InvoiceParty): string[] {
  return [p.name, p.company, p.email, p.address, p.country, p.taxId ? `Tax ID: ${p.taxId}` : null].filter((l): l is string => Boolean(l));
}

/** The invoice as a one-document PDF with the same content as its HTML page. */
export async function renderInvoicePdf(invoice: InvoiceView): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${invoice.title} ${invoice.number}`);
  doc.setSubject(`${invoice.title} ${invoice.number}`);
  doc.setProducer("MegiLance");
  doc.setCreationDate(new Date(invoice.issuedAt));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const money = (n: number) => plainAmount(n, invoice.currency);

  const text = (value: string, x: number, options: { size?: number; font?: PDFFont; color?: typeof INK; alignRight?: boolean } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    const safe = printable(value, font);
    const at = options.alignRight ? x - font.widthOfTextAtSize(safe, size) : x;
    page.drawText(safe, { x: at, y, size, font, color: options.color ?? INK });
  };
  const down = (points: number) => {
    y -= points;
    if (y < MARGIN + 40) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
  };

  text(invoice.title, MARGIN, { size: 22, font: bold });
  text(invoice.number, PAGE.width - MARGIN, { size: 12, font: bold, alignRight: true });
  down(18);
  text(`Issued ${formatDateTime(invoice.issuedAt)}`, PAGE.width - MARGIN, { color: MUTED, alignRight: true });
  down(30);

  const columnX = [MARGIN, PAGE.width / 2];
  text("From", columnX[0], { font: bold, color: MUTED });
  text("To", columnX[1], { font: bold, color: MUTED });
  down(14);
  const from = partyLines(invoice.issuer);
  const to = partyLines(invoice.recipient);
  for (let i = 0; i < Math.max(from.length, to.length); i++) {
    if (from[i]) text(from[i], columnX[0]);
    if (to[i]) text(to[i], columnX[1]);
    down(13);
  }
  down(20);

  const right = PAGE.width - MARGIN;
  const cols = { qty: right - 330, unit: right - 250, net: right - 170, tax: right - 90 };
  text("Description", MARGIN, { font: bold });
  text("Qty", cols.qty, { font: bold, alignRight: true });
  text("Unit", cols.unit, { font: bold, alignRight: true });
  text("Net", cols.net, { font: bold, alignRight: true });
  text("Tax", cols.tax, { font: bold, alignRight: true });
  text("Gross", right, { font: bold, alignRight: true });
  down(6);
  page.drawLine({ start: { x: MARGIN, y }, end: { x: right, y }, thickness: 0.5, color: MUTED });
  down(14);
  for (const line of invoice.rows) {
    const described = wrap(printable(line.description, regular), regular, 10, cols.qty - MARGIN - 30);
    text(described[0], MARGIN);
    text(String(line.quantity), cols.qty, { alignRight: true, size: 9 });
    text(money(line.unitAmount), cols.unit, { alignRight: true, size: 9 });
    text(money(line.net), cols.net, { alignRight: true, size: 9 });
    text(money(line.tax), cols.tax, { alignRight: true, size: 9 });
    text(money(line.gross), right, { alignRight: true, size: 9 });
    for (const more of described.slice(1)) {
      down(13);
      text(more, MARGIN);
    }
    down(18);
  }
  page.drawLine({ start: { x: MARGIN, y: y + 8 }, end: { x: right, y: y + 8 }, thickness: 0.5, color: MUTED });
  down(6);

  const totals: [string, string, boolean][] = [["Subtotal", money(invoice.subtotal), false]];
  if (invoice.feeAmount) totals.push([`Platform fee (${percentOfBps(invoice.feeRateBps)})`, money(-invoice.feeAmount), false]);
  if (invoice.tax.feeTaxAmount)
    totals.push([
      `${invoice.tax.kind.toUpperCase()} in the fee (${percentOfBps(invoice.tax.feeTaxRateBps)}, ${invoice.tax.jurisdiction})`,
      money(invoice.tax.feeTaxAmount),
      false,
    ]);
  totals.push([`Tax (${percentOfBps(invoice.taxRateBps)})`, money(invoice.taxAmount), false]);
  totals.push(["Total", money(invoice.total), true]);
  for (const [label, value, strong] of totals) {
    text(label, right - 100, { font: strong ? bold : regular, alignRight: true });
    text(value, right, { font: strong ? bold : regular, alignRight: true });
    down(16);
  }
  if (invoice.tax.note) {
    for (const line of wrap(printable(invoice.tax.note, bold), bold, 10, right - MARGIN)) {
      text(line, MARGIN, { font: bold });
      down(13);
    }
    down(4);
  }
  if (invoice.credits) {
    text(`Credits invoice ${invoice.credits.number}.`, MARGIN);
    down(16);
  }
  if (invoice.charged) {
    const what = invoice.kind === "credit_note" ? "refunded" : "charged";
    const sentence = `${chargedSentence(what, invoice.charged, invoice.currency, formatDateTime(invoice.charged.rateFetchedAt))} This document is kept in ${invoice.currency}, the contract's currency.`;
    for (const line of wrap(printable(sentence, regular), regular, 10, right - MARGIN)) {
      text(line, MARGIN);
      down(13);
    }
  }
  down(20);
  text(`${invoice.title} ${invoice.number}, issued through MegiLance. Issued documents are never changed.`, MARGIN, {
    size: 8,
    color: MUTED,
  });
  return doc.save();
}

import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { taxSummaryCells, type TaxSummary } from "./summary";

const COLUMNS = ["Period", "Currency", "Earnings", "Fees (tax incl.)", "Fees before tax", "Tax on fees", "Net credited", "Statements"];

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape in points
const MARGIN = 40;

/** The yearly tax summary as a one-table PDF, the same figures as its JSON and CSV. */
export async function renderTaxSummaryPdf(summary: TaxSummary, who: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const title = `Tax summary ${summary.year}`;
  doc.setTitle(`${title} — ${who}`);
  doc.setProducer("MegiLance");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const known = new Set(regular.getCharacterSet());
  const printable = (text: string) => [...text.normalize("NFC")].map((ch) => (known.has(ch.codePointAt(0) as number) ? ch : "?")).join("");
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const down = (points: number) => {
    y -= points;
    if (y < MARGIN) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
  };
  page.drawText(printable(title), { x: MARGIN, y, size: 20, font: bold });
  down(20);
  page.drawText(printable(`${who} — earnings, platform fees and the VAT or GST charged on them, from fee statements (UTC months)`), {
    x: MARGIN,
    y,
    size: 10,
    font: regular,
    color: rgb(0.4, 0.42, 0.46),
  });
  down(28);
  const width = (PAGE.width - 2 * MARGIN) / COLUMNS.length;
  const row = (values: (string | number)[], font = regular) => {
    values.forEach((value, n) => {
      const text = printable(String(value));
      const x = n < 2 ? MARGIN + n * width : MARGIN + (n + 1) * width - font.widthOfTextAtSize(text, 9) - 6;
      page.drawText(text, { x, y, size: 9, font });
    });
    down(15);
  };
  row(COLUMNS, bold);
  if (summary.months.length === 0) row([`No releases in ${summary.year}.`]);
  for (const m of summary.months) row(taxSummaryCells(m.month, m));
  down(6);
  for (const t of summary.totals) row(taxSummaryCells(`${summary.year} total`, t), bold);
  return doc.save();
}

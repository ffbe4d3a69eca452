import { sql } from "drizzle-orm";
import { exchangeRates } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireCurrency } from "./currencies";
import { convertMinor, divide, parseDecimal, toDecimalString, type Fraction } from "./decimal";
import { DEFAULT_RATES } from "./default-rates";

/** All rates are kept against one base; a pair's rate is the ratio of its two currencies' rates. */
export const RATES_BASE = "USD";

interface RateEntry {
  /** Units of the currency per one unit of the base. */
  rate: Fraction;
  fetchedAt: Date;
  source: string;
}

type RateBook = Map<string, RateEntry>;

/**
 * The rates this Worker instance read last, reused while the table's stamp (latest update, row count) is
 * unchanged: one tiny query per read instead of the whole table, and never stale after a refresh.
 */
let cached: { book: RateBook; stamp: string } | null = null;

export function forgetCachedRates(): void {
  cached = null;
}

function defaultBook(): RateBook {
  const book: RateBook = new Map();
  const fetchedAt = new Date(DEFAULT_RATES.fetchedAt);
  for (const [code, text] of Object.entries(DEFAULT_RATES.rates)) {
    const rate = parseDecimal(text);
    if (rate) book.set(code, { rate, fetchedAt, source: DEFAULT_RATES.source });
  }
  return book;
}

/** The shipped defaults, overlaid with every rate the feed ever gave us (the last known wins). */
async function rateBook(ctx: DomainContext): Promise<RateBook> {
  const [{ latest, rows: count }] = await ctx.db
    .select({ latest: sql<number | null>`max(${exchangeRates.updatedAt})`, rows: sql<number>`count(*)` })
    .from(exchangeRates);
  const stamp = `${latest ?? 0}:${count}`;
  if (cached?.stamp === stamp) return cached.book;
  const book = defaultBook();
  const rows = await ctx.db.select().from(exchangeRates);
  for (const row of rows) {
    const rate = row.base === RATES_BASE ? parseDecimal(row.rate) : null;
    if (rate) book.set(row.quote, { rate, fetchedAt: row.fetchedAt, source: row.source });
  }
  cached = { book, stamp };
  return book;
}

/** Codes with a rate right now (the feed's, else the shipped default): the only currencies a client can pay in. */
export async function currenciesWithRates(ctx: DomainContext): Promise<Set<string>> {
  return new Set((await rateBook(ctx)).keys());
}

export interface RateQuote {
  from: string;
  to: string;
  /** Units of `to` per one unit of `from`, exact. */
  rate: Fraction;
  /** The same rate as a decimal string (12 significant digits). */
  rateText: string;
  /** When the older of the two underlying rates was published. */
  fetchedAt: Date;
  source: string;
}

function entryFor(book: RateBook, code: string, field: string): RateEntry {
  const entry = book.get(code);
  if (!entry) {
    throw new AppError(422, "rate_unavailable", `No exchange rate is known for ${code} yet.`, {
      [field]: ["No rate for this currency: pick another one."],
    });
  }
  return entry;
}

/** The rate between two currencies from the latest known rates (feed, else shipped defaults). */
export async function exchangeRate(ctx: DomainContext, fromCode: string, toCode: string): Promise<RateQuote> {
  const from = requireCurrency(fromCode, "from").code;
  const to = requireCurrency(toCode, "to").code;
  const book = await rateBook(ctx);
  const a = entryFor(book, from, "from");
  const b = entryFor(book, to, "to");
  const rate = from === to ? { num: 1n, den: 1n } : divide(b.rate, a.rate);
  const older = a.fetchedAt <= b.fetchedAt ? a : b;
  return { from, to, rate, rateText: toDecimalString(rate), fetchedAt: older.fetchedAt, source: older.source };
}

export interface Conversion {
  quote: RateQuote;
  amount: number;
  converted: number;
}

/** Minor units of one currency in another, rounded half away from zero to the target's minor units. */
export async function convertAmount(ctx: DomainContext, amount: number, fromCode: string, toCode: string): Promise<Conversion> {
  const quote = await exchangeRate(ctx, fromCode, toCode);
  const fromMinor = requireCurrency(quote.from).minorUnits;
  const toMinor = requireCurrency(quote.to).minorUnits;
  try {
    return { quote, amount, converted: convertMinor(amount, quote.rate, fromMinor, toMinor) };
  } catch {
    throw new AppError(422, "amount_too_large", "This amount is too large to convert.", { amount: ["Use a smaller amount."] });
  }
}

/** The API's view of a quote: the rate as a JSON number, its exact text, and when it was published. */
export function toRateView(quote: RateQuote) {
  return {
    from: quote.from,
    to: quote.to,
    rate: Number(quote.rateText),
    rateText: quote.rateText,
    fetchedAt: quote.fetchedAt.toISOString(),
    source: quote.source,
  };
}

import { z } from "zod";
import type { SameShape } from "../shared/views";
import type { CurrencyInfo } from "./currencies";
import type { toRateView } from "./rates";

/** An ISO 4217 currency and how many minor units it has (JPY 0, USD 2, BHD 3). */
export const currencyInfoSchema = z.object({ code: z.string(), name: z.string(), minorUnits: z.number().int() });
export const currenciesSchema = z.object({ currencies: z.array(currencyInfoSchema), total: z.number().int() });

/** A rate as a JSON number, its exact text, and when and where it was published. */
export const rateViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Units of `to` per one unit of `from`. */
  rate: z.number(),
  /** The same rate as a decimal string (12 significant digits). */
  rateText: z.string(),
  fetchedAt: z.iso.datetime(),
  source: z.string(),
});

/** An amount converted for display: both in minor units, `converted` rounded to `to`'s minor units. */
export const conversionViewSchema = rateViewSchema.extend({ amount: z.number().int(), converted: z.number().int() });

export const currencyInfoShape: SameShape<CurrencyInfo, z.infer<typeof currencyInfoSchema>> = true;
export const rateViewShape: SameShape<ReturnType<typeof toRateView>, z.infer<typeof rateViewSchema>> = true;

import { z } from "@hono/zod-openapi";
import { listCurrencies } from "../domain/currency/currencies";
import { payableCurrencies } from "../domain/currency/payable";
import { setPreferredCurrency } from "../domain/currency/preference";
import { convertAmount, exchangeRate, toRateView } from "../domain/currency/rates";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { conversionViewSchema, currenciesSchema, currencyInfoSchema, rateViewSchema } from "../domain/currency/view-schema";

const tags = ["multicurrency"];
const code = z.string().trim().min(1).max(8).openapi({ example: "EUR" });

const convertBody = z.object({
  amount: z
    .number()
    .int({ message: "Give the amount in minor units (an integer, e.g. cents)." })
    .min(-Number.MAX_SAFE_INTEGER)
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ description: "Amount in minor units of `from` (e.g. 10000 USD = $100.00)", example: 10000 }),
  from: code,
  to: code,
});

export const multicurrencyRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/currencies",
      tags,
      summary: "Every ISO 4217 currency with minor units: {currencies: [{code, name, minorUnits}]} (a fixed list, not paged)",
      ok: { status: 200, description: "{currencies, total}", schema: currenciesSchema },
    }),
    (c) => c.json({ currencies: listCurrencies(), total: listCurrencies().length }, 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/exchange-rate/{from}/{to}",
      tags,
      summary:
        "The latest known rate (units of `to` per one `from`), when it was published and where it came from (`default` = shipped rates, `feed:<host>` = the hourly feed). For display and quotes only",
      params: z.object({ from: code, to: code }),
      ok: { status: 200, description: "{from, to, rate, rateText, fetchedAt, source}", schema: rateViewSchema },
      errors: [422],
    }),
    async (c) => {
      const { from, to } = c.req.valid("param");
      return c.json(toRateView(await exchangeRate(c.get("domain"), from, to)), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/convert",
      tags,
      summary:
        "Convert an amount in minor units: {amount, from, to} -> {from, to, amount, converted, rate, fetchedAt}. `converted` is in minor units of `to`, rounded half away from zero to that currency's minor units (e.g. JPY 0, BHD 3). Display and quotes only: the ledger never converts",
      body: convertBody,
      ok: { status: 200, description: "{from, to, amount, converted, rate, rateText, fetchedAt, source}", schema: conversionViewSchema },
      errors: [422],
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { quote, amount, converted } = await convertAmount(c.get("domain"), body.amount, body.from, body.to);
      return c.json({ ...toRateView(quote), amount, converted }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/payable",
      tags,
      auth: true,
      summary:
        "Currencies I can pay milestones in: only those with a current rate, most used first (my preferred currency, the ones I paid in before, then the most traded): {currencies: [{code, name, minorUnits}]}",
      ok: {
        status: 200,
        description: "{currencies}",
        schema: z.object({ currencies: z.array(currencyInfoSchema) }),
      },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ currencies: await payableCurrencies(c.get("domain"), viewer.user) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "put",
      path: "/preference",
      tags,
      auth: true,
      summary: "Set the currency amounts are also shown in, beside the contract currency ({currency: null} clears it)",
      body: z.object({ currency: code.nullable() }),
      ok: { status: 200, description: "{preferredCurrency}", schema: z.object({ preferredCurrency: z.string().nullable() }) },
      errors: [422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ preferredCurrency: await setPreferredCurrency(c.get("domain"), viewer.user, c.req.valid("json").currency) }, 200);
    },
  );

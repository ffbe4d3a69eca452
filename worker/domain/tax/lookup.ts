import { z } from "zod";
import { AppError } from "../errors";
import { CANADIAN_PROVINCES, rateFor, type TaxKind } from "./rates";

/** ISO 3166-1 alpha-2 codes in use: a valid country the table does not tax answers kind "none". */
const COUNTRIES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
    "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT " +
    "JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG " +
    "NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH " +
    "TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

export const taxRateQuery = z.object({
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, { message: "Use a two-letter ISO country code like DE." })
    .transform((value) => value.toUpperCase()),
  province: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, { message: "Use a two-letter province code like ON." })
    .transform((value) => value.toUpperCase())
    .optional(),
  /** The day to look the rate up for (default today, UTC). */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-12-07." })
    .optional(),
});

export interface TaxRateView {
  country: string;
  province: string | null;
  /** Decimal fraction: 0.19 for 19%. */
  rate: number;
  /** The same rate in basis points (1900 = 19%), as invoices keep it. */
  rateBps: number;
  kind: TaxKind;
  /** The ISO date the rate applies from; null when no tax applies. */
  effectiveFrom: string | null;
}

/** The standard rate charged to a consumer in a country (or Canadian province) on a day; a country without tax answers kind "none". */
export function lookUpTaxRate(query: z.infer<typeof taxRateQuery>, today: Date): TaxRateView {
  if (!COUNTRIES.has(query.country))
    throw new AppError(422, "unknown_country", `${query.country} is not an ISO 3166-1 country code.`, {
      country: ["Unknown country code."],
    });
  if (query.province && (query.country !== "CA" || !(CANADIAN_PROVINCES as readonly string[]).includes(query.province)))
    throw new AppError(422, "unknown_province", "A province is only known for Canada (e.g. ON, BC).", { province: ["Unknown province."] });
  const at = query.date ? new Date(`${query.date}T00:00:00Z`) : today;
  if (Number.isNaN(at.getTime()))
    throw new AppError(422, "validation_failed", "Some fields are not valid.", { date: ["Not a real date."] });
  const row = rateFor(query.country, query.province ?? null, at);
  const rateBps = row?.rateBps ?? 0;
  return {
    country: query.country,
    province: query.province ?? null,
    rate: rateBps / 10_000,
    rateBps,
    kind: row?.kind ?? "none",
    effectiveFrom: row?.effectiveFrom ?? null,
  };
}

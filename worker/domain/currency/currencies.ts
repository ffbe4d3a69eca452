import { AppError } from "../errors";
import { ISO_4217 } from "./iso4217";

export interface CurrencyInfo {
  code: string;
  name: string;
  minorUnits: number;
}

const BY_CODE = new Map(ISO_4217.map((c) => [c.code, c]));

export function listCurrencies(): readonly CurrencyInfo[] {
  return ISO_4217;
}

export function findCurrency(code: string): CurrencyInfo | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** The currency for a code a caller sent (any letter case), or a 422 that names the field. */
export function requireCurrency(code: string, field = "currency"): CurrencyInfo {
  const found = findCurrency(code);
  if (!found) {
    throw new AppError(422, "unknown_currency", `"${code}" is not an ISO 4217 currency code we know.`, {
      [field]: ["Use an ISO 4217 code such as USD or EUR (see GET /api/multicurrency/currencies)."],
    });
  }
  return found;
}

import type { BudgetType } from "../../../db/schema/values";
import { formatMoney } from "../currency/format";

export interface BidFigures {
  bidAmount: number;
  currency: string;
  estimatedDays: number | null;
  weeklyHours: number | null;
}

/** The project's budget type, or (the project no longer shown) what the bid itself says. */
const typeOf = (bid: BidFigures, budgetType: BudgetType | null | undefined): BudgetType =>
  budgetType ?? (bid.weeklyHours !== null ? "hourly" : "fixed");

/** The bid in its unit: "$30.00/h" on an hourly project (the amount is a rate), "$1,500.00" on a fixed-price one. */
export function bidAmountText(bid: BidFigures, budgetType?: BudgetType | null): string {
  const money = formatMoney(bid.bidAmount, bid.currency);
  return typeOf(bid, budgetType) === "hourly" ? `${money}/h` : money;
}

export const daysText = (days: number) => `${days} day${days === 1 ? "" : "s"}`;
export const weeklyHoursText = (hours: number) => `${hours} h/week`;

/** What a bid offers besides its amount: "20 h/week" (hourly) or "14 days" (fixed); null if an older hourly bid said nothing. */
export function bidTermsText(bid: BidFigures, budgetType?: BudgetType | null): string | null {
  if (typeOf(bid, budgetType) === "hourly") return bid.weeklyHours !== null ? weeklyHoursText(bid.weeklyHours) : null;
  return bid.estimatedDays !== null ? daysText(bid.estimatedDays) : null;
}

/** A bid in one line, as lists show it: "$30.00/h · 20 h/week", "$1,500.00 · 14 days". */
export function bidText(bid: BidFigures, budgetType?: BudgetType | null): string {
  const terms = bidTermsText(bid, budgetType);
  return terms ? `${bidAmountText(bid, budgetType)} · ${terms}` : bidAmountText(bid, budgetType);
}

import { parseRange, type DayRange } from "../../worker/domain/analytics/range";
import { AppError } from "./domain.server";

/** The range in the page's query string, or the default range with the reason the asked one was refused. */
export function rangeFromUrl(request: Request, now: Date): { range: DayRange; error: string | null } {
  const params = new URL(request.url).searchParams;
  try {
    return { range: parseRange({ from: params.get("from") || null, to: params.get("to") || null }, now), error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { range: parseRange({}, now), error: `${error.message} Showing the last 30 days instead.` };
  }
}

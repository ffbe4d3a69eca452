import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { rangeFromUrl } from "~/utils/range.server";
import { statementCsv } from "../../worker/domain/statements/csv";
import { allStatementLines } from "../../worker/domain/statements/statement";

/** The statement page's range as a CSV file. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const ctx = domainFrom(context);
  const { range } = rangeFromUrl(request, ctx.clock.now());
  const csv = statementCsv(await allStatementLines(ctx, viewer.user.id, range), ctx.config.appOrigin);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="megilance-statement-${range.from}-to-${range.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

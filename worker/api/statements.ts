import { z } from "@hono/zod-openapi";
import { parseRange } from "../domain/analytics/range";
import { dateSchema } from "../domain/contracts/input";
import { STATEMENT_KINDS, STATEMENT_PAGE_MAX, statementLines, toStatementItem } from "../domain/statements/statement";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";

const tags = ["statements"];
const day = dateSchema.optional().openapi({ example: "2026-12-01" });

export const statementQuery = z.object({
  from: day,
  to: day,
  limit: z.coerce.number().int().min(1).max(STATEMENT_PAGE_MAX).default(50),
  cursor: z.string().min(1).max(64).optional(),
});

/** One line of a statement, exactly as the API answers it. */
export const statementItemSchema = z
  .object({
    kind: z.enum(STATEMENT_KINDS),
    amount: z.number().int().openapi({ description: "Minor units of `currency`, positive; the kind gives the direction" }),
    currency: z.string(),
    chargedAmount: z.number().int().optional().openapi({ description: "Set when paid in another currency: the same money in it" }),
    chargedCurrency: z.string().optional(),
    documentId: z.string().openapi({ description: "The invoice, credit note, fee statement or receipt: GET /api/invoices/{id}" }),
  })
  .openapi("StatementItem");

export const statementSchema = z.object({ items: z.array(statementItemSchema), nextCursor: z.string().nullable() }).openapi("Statement");

export const statementRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "get",
    path: "/",
    tags,
    auth: true,
    summary:
      "My statement for a range of days (UTC; default the last 30, at most 366): every charge, refund, fee and payout addressed to me, newest first, each with its document. Items are {kind: charge|refund|fee|payout, amount, currency, chargedAmount?, chargedCurrency?, documentId}",
    query: statementQuery,
    ok: { status: 200, description: "{items, nextCursor}", schema: statementSchema },
    errors: [422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    const ctx = c.get("domain");
    const query = c.req.valid("query");
    const range = parseRange({ from: query.from, to: query.to }, ctx.clock.now());
    const page = await statementLines(ctx, viewer.user.id, { range, limit: query.limit, cursor: query.cursor });
    return c.json(statementSchema.parse({ items: page.items.map(toStatementItem), nextCursor: page.nextCursor }), 200);
  },
);

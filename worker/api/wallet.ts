import { getWallet } from "../domain/wallet/wallet";
import { pageQuery } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { walletViewSchema } from "../domain/wallet/view-schema";

export const walletRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "get",
    path: "/",
    tags: ["wallet"],
    auth: true,
    summary: "My balances per currency (available; pending = held for my active contracts) and my balance history",
    query: pageQuery,
    ok: {
      status: 200,
      description: "{balances: [{currency, available, pending}], entries: {items, nextCursor}}",
      schema: walletViewSchema,
    },
    errors: [422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    return c.json(await getWallet(c.get("domain"), viewer.user.id, c.req.valid("query")), 200);
  },
);

import { z } from "@hono/zod-openapi";
import { ROLES } from "../../db/schema";
import { blockUser, unblockUser } from "../domain/trust/blocks";
import { placePayoutHold, releasePayoutHold } from "../domain/wallet/holds";
import { adminUserDetail, searchUsers, toAdminUserView } from "../domain/trust/users-admin";
import { adminActor, adminOnly, adminPageQuery, booleanQuery, reasonBody, reasonSchema } from "./admin-common";
import { idParams } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { adminUserDetailSchema, adminUsersPageSchema, adminUserViewSchema, payoutHoldViewSchema } from "../domain/trust/view-schema";

const tags = ["admin: users"];

const searchQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  blocked: booleanQuery,
  ...adminPageQuery,
});
const blockBody = z.object({ reason: reasonSchema, alertId: z.string().min(1).max(64).nullable().optional() });

const userBody = z.object({ user: adminUserViewSchema });

const post = (
  path: string,
  summary: string,
  body: z.ZodObject = reasonBody,
  ok: { description: string; schema: z.ZodType } = { description: "{user}", schema: userBody },
) =>
  jsonRoute({
    method: "post",
    path,
    tags,
    auth: true,
    summary,
    params: idParams,
    body,
    ok: { status: 200, ...ok },
    errors: [403, 404, 409, 422],
  });

export const adminUserRoutes: Router = createRouter();
adminUserRoutes.use("*", adminOnly);
adminUserRoutes
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Search users by name, email or id; filter by role and blocked",
      query: searchQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: adminUsersPageSchema },
      errors: [403, 422],
    }),
    async (c) => c.json(await searchUsers(c.get("domain"), adminActor(c), c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      auth: true,
      summary: "One user: risk now, alerts, appeals, payout hold, active sessions",
      params: idParams,
      ok: { status: 200, description: "{user, risk, alerts, appeals, payoutHold, activeSessions}", schema: adminUserDetailSchema },
      errors: [403, 404],
    }),
    async (c) => c.json(await adminUserDetail(c.get("domain"), adminActor(c), c.req.valid("param").id), 200),
  )
  .openapi(
    post(
      "/{id}/block",
      "Block a user {reason, alertId?}: sign-in refused everywhere, sessions and tokens end, the user is told why",
      blockBody,
    ),
    async (c) => {
      const body = c.req.valid("json") as z.infer<typeof blockBody>;
      const user = await blockUser(c.get("domain"), adminActor(c), c.req.valid("param").id, body);
      return c.json({ user: toAdminUserView(user) }, 200);
    },
  )
  .openapi(post("/{id}/unblock", "Lift a block {reason}; a pending appeal is accepted with it"), async (c) => {
    const body = c.req.valid("json") as z.infer<typeof reasonBody>;
    const user = await unblockUser(c.get("domain"), adminActor(c), c.req.valid("param").id, body);
    return c.json({ user: toAdminUserView(user) }, 200);
  })
  .openapi(
    post("/{id}/payout-hold", "Hold the user's payouts {reason}", reasonBody, {
      description: "{payoutHold}",
      schema: z.object({ payoutHold: payoutHoldViewSchema }),
    }),
    async (c) => {
      const body = c.req.valid("json") as z.infer<typeof reasonBody>;
      const hold = await placePayoutHold(c.get("domain"), adminActor(c), c.req.valid("param").id, body.reason);
      return c.json({ payoutHold: { id: hold.id, reason: hold.reason, createdAt: hold.createdAt.toISOString() } }, 200);
    },
  )
  .openapi(
    post("/{id}/payout-hold/release", "Release the user's payout hold {reason}", reasonBody, {
      description: "{payoutHold: null}",
      schema: z.object({ payoutHold: z.null() }),
    }),
    async (c) => {
      const body = c.req.valid("json") as z.infer<typeof reasonBody>;
      await releasePayoutHold(c.get("domain"), adminActor(c), c.req.valid("param").id, body.reason);
      return c.json({ payoutHold: null }, 200);
    },
  );

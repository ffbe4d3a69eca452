import { z } from "@hono/zod-openapi";
import { idParam } from "../domain/messaging/inputs";
import { presenceOf } from "../platform/rooms";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { presenceEntrySchema } from "../domain/rooms/view-schema";

const PRESENCE_IDS_MAX = 100;
const userIds = z
  .string()
  .min(1)
  .transform((text) => [
    ...new Set(
      text
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(idParam).min(1).max(PRESENCE_IDS_MAX));

export const presenceRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "get",
    path: "/",
    tags: ["presence"],
    auth: true,
    summary: `Online, away or offline, with last-seen time, for up to ${PRESENCE_IDS_MAX} users (userIds=a,b)`,
    query: z.object({ userIds }),
    ok: { status: 200, description: "{items:[{userId, status, lastSeenAt}]}", schema: z.object({ items: z.array(presenceEntrySchema) }) },
    errors: [422],
  }),
  async (c) => {
    requireViewer(c);
    return c.json({ items: await presenceOf(c.env, c.req.valid("query").userIds) }, 200);
  },
);

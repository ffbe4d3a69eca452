import { z } from "@hono/zod-openapi";
import { issueRoomTicket } from "../domain/rooms/access";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { roomTicketSchema } from "../domain/rooms/view-schema";

export const roomRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "post",
    path: "/ticket",
    tags: ["rooms"],
    auth: true,
    summary: "A one-minute ticket for a room (presence, conversation:<id>, user:<id>) and the WebSocket URL to open",
    body: z.object({ room: z.string().min(1).max(100) }),
    ok: { status: 200, description: "{ticket, url}", schema: roomTicketSchema },
    errors: [403, 404, 422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    return c.json(await issueRoomTicket(c.get("domain"), viewer, c.req.valid("json").room, c.req.url), 200);
  },
);

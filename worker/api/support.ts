import { z } from "@hono/zod-openapi";
import { SUPPORT_CATEGORIES, SUPPORT_STATUSES } from "../../db/schema";
import { getTicket, listTickets, openTicket, replyToTicket, SUPPORT_PAGE_MAX, updateTicket } from "../domain/support/tickets";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole, requireViewer } from "./viewer";
import { ticketMessageViewSchema, ticketsPageSchema, ticketThreadSchema, ticketViewSchema } from "../domain/support/view-schema";

const tags = ["support"];
const params = z.object({ id: z.string().min(1).max(64) });
const fileKeys = z.array(z.string().min(1).max(200)).max(10).optional();
const page = {
  status: z.enum(SUPPORT_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(SUPPORT_PAGE_MAX).optional(),
};

/** Support tickets: users open them and reply; staff (admins) answer, assign and close. */
export const supportRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/tickets",
      tags,
      auth: true,
      summary: "Open a support ticket (attachments are keys of your uploads)",
      body: z.object({
        category: z.enum(SUPPORT_CATEGORIES),
        subject: z.string().trim().min(3).max(200),
        description: z.string().trim().min(10).max(10_000),
        attachments: fileKeys,
      }),
      ok: { status: 201, description: "{ticket, messages}", schema: ticketThreadSchema },
      errors: [422],
    }),
    async (c) => c.json(await openTicket(c.get("domain"), requireViewer(c).user, c.req.valid("json")), 201),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/tickets",
      tags,
      auth: true,
      summary: "Your support tickets, most recently updated first",
      query: z.object(page),
      ok: { status: 200, description: "{items, nextCursor}", schema: ticketsPageSchema },
      errors: [400],
    }),
    async (c) => c.json(await listTickets(c.get("domain"), requireViewer(c).user, { scope: "mine", ...c.req.valid("query") }), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/tickets/{id}",
      tags,
      auth: true,
      summary: "One ticket with its whole conversation (its requester or staff)",
      params,
      ok: { status: 200, description: "{ticket, messages}", schema: ticketThreadSchema },
      errors: [404],
    }),
    async (c) => c.json(await getTicket(c.get("domain"), requireViewer(c).user, c.req.valid("param").id), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/tickets/{id}/messages",
      tags,
      auth: true,
      summary: "Reply on a ticket; the other side is notified by email",
      params,
      body: z.object({ body: z.string().trim().min(1).max(10_000), attachments: fileKeys }),
      ok: {
        status: 201,
        description: "{message, ticket}",
        schema: z.object({ message: ticketMessageViewSchema, ticket: ticketViewSchema }),
      },
      errors: [404, 422],
    }),
    async (c) => c.json(await replyToTicket(c.get("domain"), requireViewer(c).user, c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/tickets/{id}",
      tags,
      auth: true,
      summary: "Close your ticket; staff also assign it and set its status",
      params,
      body: z.object({ status: z.enum(SUPPORT_STATUSES).optional(), assigneeId: z.string().min(1).max(64).nullable().optional() }),
      ok: { status: 200, description: "{ticket}", schema: z.object({ ticket: ticketViewSchema }) },
      errors: [403, 404, 422],
    }),
    async (c) => c.json(await updateTicket(c.get("domain"), requireViewer(c).user, c.req.valid("param").id, c.req.valid("json")), 200),
  );

/** The staff queue: every ticket, by status and assignee. */
export const adminSupportRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "get",
    path: "/tickets",
    tags,
    auth: true,
    summary: "Every support ticket (admins), filtered by status and assignee (`me` for your own)",
    query: z.object({ ...page, assignee: z.string().min(1).max(64).optional() }),
    ok: { status: 200, description: "{items, nextCursor}", schema: ticketsPageSchema },
    errors: [400, 403],
  }),
  async (c) => c.json(await listTickets(c.get("domain"), requireRole(c, "admin").user, { scope: "all", ...c.req.valid("query") }), 200),
);

import { z } from "@hono/zod-openapi";
import { getConversation, listConversations, startConversation } from "../domain/messaging/conversations";
import {
  CONVERSATIONS_PAGE_MAX,
  idParam,
  MESSAGES_PAGE_DEFAULT,
  MESSAGES_PAGE_MAX,
  sendMessageInput,
  startConversationInput,
} from "../domain/messaging/inputs";
import { listMessages, markRead, sendMessage } from "../domain/messaging/messages";
import { unreadTotal } from "../domain/messaging/unread";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import {
  conversationsPageSchema,
  conversationViewSchema,
  messagesPageSchema,
  messageViewSchema,
  readReceiptSchema,
} from "../domain/messaging/view-schema";

const tags = ["conversations"];
const params = z.object({ id: idParam });
const conversationBody = z.object({ conversation: conversationViewSchema });

export const conversationRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/",
      tags,
      auth: true,
      summary: "Open (201) or find (200) the conversation with a participant, about a project or contract or directly",
      body: startConversationInput,
      ok: {
        status: 201,
        description: "{conversation}: opened",
        schema: conversationBody,
        also: [{ status: 200, description: "{conversation}: the one that already exists" }],
      },
      errors: [403, 404, 422],
    }),
    async (c) => {
      const { conversation, created } = await startConversation(c.get("domain"), requireViewer(c), c.req.valid("json"));
      return created ? c.json({ conversation }, 201) : c.json({ conversation }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "My conversations, newest activity first, each with unreadCount",
      query: z.object({
        cursor: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(CONVERSATIONS_PAGE_MAX).default(20),
      }),
      ok: { status: 200, description: "{items, nextCursor}", schema: conversationsPageSchema },
      errors: [422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await listConversations(c.get("domain"), viewer.user.id, c.req.valid("query")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/unread-count",
      tags,
      auth: true,
      summary: "Unread messages across all my conversations",
      ok: { status: 200, description: "{unread}", schema: z.object({ unread: z.number().int() }) },
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ unread: await unreadTotal(c.get("domain"), viewer.user.id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      auth: true,
      summary: "One conversation",
      params,
      ok: { status: 200, description: "{conversation}", schema: conversationBody },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ conversation: await getConversation(c.get("domain"), viewer.user.id, c.req.valid("param").id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}/messages",
      tags,
      auth: true,
      summary:
        "Messages oldest first: the newest page (before=<id> for older; nextCursor is the next before), or after=<id> to catch up (nextCursor is the next after); q= searches",
      params,
      query: z.object({
        before: idParam.optional(),
        after: idParam.optional(),
        q: z.string().trim().min(1).max(200).optional(),
        limit: z.coerce.number().int().min(1).max(MESSAGES_PAGE_MAX).default(MESSAGES_PAGE_DEFAULT),
      }),
      ok: { status: 200, description: "{items, nextCursor}", schema: messagesPageSchema },
      errors: [404, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await listMessages(c.get("domain"), viewer.user.id, c.req.valid("param").id, c.req.valid("query")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/messages",
      tags,
      auth: true,
      summary: "Send a message (stored, then delivered live to the room)",
      params,
      body: sendMessageInput,
      ok: { status: 201, description: "{message}", schema: z.object({ message: messageViewSchema }) },
      errors: [404, 422, 429],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const message = await sendMessage(c.get("domain"), viewer.user.id, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ message }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/read",
      tags,
      auth: true,
      summary: "Mark messages up to lastReadId as read (a read receipt for the other member)",
      params,
      body: z.object({ lastReadId: idParam }),
      ok: { status: 200, description: "{lastReadId, unreadCount}", schema: readReceiptSchema },
      errors: [404, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { id } = c.req.valid("param");
      return c.json(await markRead(c.get("domain"), viewer.user.id, id, c.req.valid("json").lastReadId), 200);
    },
  );

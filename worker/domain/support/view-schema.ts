import { z } from "zod";
import { SUPPORT_CATEGORIES, SUPPORT_STATUSES } from "../../../db/schema";
import { fileViewSchema } from "../shared/file-view-schema";
import { personSummarySchema, pageSchema, timestampSchema, type SameShape } from "../shared/views";
import type { TicketMessageView, TicketView } from "./tickets";

export const ticketViewSchema = z.object({
  id: z.string(),
  category: z.enum(SUPPORT_CATEGORIES),
  subject: z.string(),
  status: z.enum(SUPPORT_STATUSES),
  requester: personSummarySchema,
  assignee: personSummarySchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
});
export const ticketsPageSchema = pageSchema(ticketViewSchema);

/** One message on a ticket; `fromStaff` when support wrote it. */
export const ticketMessageViewSchema = z.object({
  id: z.string(),
  author: personSummarySchema,
  fromStaff: z.boolean(),
  body: z.string(),
  attachments: z.array(fileViewSchema),
  createdAt: timestampSchema,
});

/** A ticket with its whole conversation, oldest message first. */
export const ticketThreadSchema = z.object({ ticket: ticketViewSchema, messages: z.array(ticketMessageViewSchema) });

export const ticketViewShape: SameShape<TicketView, z.infer<typeof ticketViewSchema>> = true;
export const ticketMessageViewShape: SameShape<TicketMessageView, z.infer<typeof ticketMessageViewSchema>> = true;

import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import {
  supportMessages,
  supportTickets,
  users,
  type SupportCategory,
  type SupportMessage,
  type SupportStatus,
  type SupportTicket,
  type User,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { fileViewsByKey, requireOwnedFiles, scopeFilesStatement, type FileView } from "../shared/file-records";
import { notify, notifyAll } from "../notifications/notify";
import { auditStatement } from "../shared/audit";
import { clampLimit, decodeCursor, encodeCursor, keysetOf } from "../shared/cursor";

export const SUPPORT_PAGE_MAX = 50;
const isStaff = (user: User) => user.roles.includes("admin");

type Person = { id: string; name: string };

export interface TicketView {
  id: string;
  category: SupportCategory;
  subject: string;
  status: SupportStatus;
  requester: Person;
  assignee: Person | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface TicketMessageView {
  id: string;
  author: Person;
  fromStaff: boolean;
  body: string;
  attachments: FileView[];
  createdAt: string;
}

async function people(ctx: DomainContext, ids: (string | null)[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

async function ticketViews(ctx: DomainContext, rows: SupportTicket[]): Promise<TicketView[]> {
  const names = await people(
    ctx,
    rows.flatMap((t) => [t.userId, t.assigneeId]),
  );
  const person = (id: string) => names.get(id) ?? { id, name: "Deleted user" };
  return rows.map((t) => ({
    id: t.id,
    category: t.category,
    subject: t.subject,
    status: t.status,
    requester: person(t.userId),
    assignee: t.assigneeId ? person(t.assigneeId) : null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
  }));
}

async function messageViews(ctx: DomainContext, rows: SupportMessage[]): Promise<TicketMessageView[]> {
  const names = await people(
    ctx,
    rows.map((m) => m.authorId),
  );
  const files = await fileViewsByKey(
    ctx,
    rows.flatMap((m) => m.attachments),
  );
  return rows.map((m) => ({
    id: m.id,
    author: names.get(m.authorId) ?? { id: m.authorId, name: "Deleted user" },
    fromStaff: m.fromStaff,
    body: m.body,
    attachments: m.attachments.flatMap((key) => files.get(key) ?? []),
    createdAt: m.createdAt.toISOString(),
  }));
}

/** The ticket, if the viewer may see it: its requester or any admin. Others get "not found". */
async function ticketFor(ctx: DomainContext, viewer: User, id: string): Promise<SupportTicket> {
  const [ticket] = await ctx.db.select().from(supportTickets).where(eq(supportTickets.id, id)).limit(1);
  if (!ticket || (ticket.userId !== viewer.id && !isStaff(viewer))) throw new AppError(404, "not_found", "No such support ticket.");
  return ticket;
}

const ticketLink = (id: string) => `/support/${id}`;
const adminLink = (id: string) => `/admin/support/${id}`;

async function staffIds(ctx: DomainContext, ticket: Pick<SupportTicket, "assigneeId">): Promise<string[]> {
  if (ticket.assigneeId) return [ticket.assigneeId];
  const admins = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.roles} like '%"admin"%'`);
  return admins.map((u) => u.id);
}

export async function openTicket(
  ctx: DomainContext,
  viewer: User,
  input: { category: SupportCategory; subject: string; description: string; attachments?: string[] },
): Promise<{ ticket: TicketView; messages: TicketMessageView[] }> {
  const ticketId = ctx.newId();
  const target = { scope: "ticket", id: ticketId } as const;
  const attachments = await requireOwnedFiles(ctx, viewer.id, input.attachments ?? [], { field: "attachments", target });
  const now = ctx.clock.now();
  await ctx.db.batch([
    scopeFilesStatement(ctx, viewer.id, attachments, target),
    ctx.db.insert(supportTickets).values({
      id: ticketId,
      userId: viewer.id,
      category: input.category,
      subject: input.subject,
      status: "open",
      createdAt: now,
      updatedAt: now,
    }),
    ctx.db.insert(supportMessages).values({
      id: ctx.newId(),
      ticketId,
      authorId: viewer.id,
      fromStaff: false,
      body: input.description,
      attachments,
      createdAt: now,
    }),
    auditStatement(ctx, { type: "support.ticket_opened", actorId: viewer.id, subjectType: "support_ticket", subjectId: ticketId }),
  ]);
  const detail = await getTicket(ctx, viewer, ticketId);
  await notifyAll(ctx, await staffIds(ctx, { assigneeId: null }), "support_ticket_opened", {
    title: `New support ticket: ${input.subject}`,
    body: `${viewer.name} opened a ${input.category} ticket: "${input.subject}".`,
    link: adminLink(ticketId),
  });
  return detail;
}

export async function getTicket(ctx: DomainContext, viewer: User, id: string) {
  const ticket = await ticketFor(ctx, viewer, id);
  const rows = await ctx.db
    .select()
    .from(supportMessages)
    .where(eq(supportMessages.ticketId, ticket.id))
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
  const [view] = await ticketViews(ctx, [ticket]);
  return { ticket: view, messages: await messageViews(ctx, rows) };
}

/**
 * The requester's own tickets, or (for admins asking for the queue) everyone's, filtered by status and
 * assignee; most recently updated first.
 */
export async function listTickets(
  ctx: DomainContext,
  viewer: User,
  input: { scope: "mine" | "all"; status?: SupportStatus; assignee?: string; cursor?: string; limit?: number },
): Promise<{ items: TicketView[]; nextCursor: string | null }> {
  if (input.scope === "all" && !isStaff(viewer)) throw new AppError(403, "forbidden", "Only support staff see every ticket.");
  const limit = clampLimit(input.limit, 20, SUPPORT_PAGE_MAX);
  const after = keysetOf(decodeCursor(input.cursor));
  const conditions: (SQL | undefined)[] = [
    input.scope === "mine" ? eq(supportTickets.userId, viewer.id) : undefined,
    input.status ? eq(supportTickets.status, input.status) : undefined,
    input.assignee === "me"
      ? eq(supportTickets.assigneeId, viewer.id)
      : input.assignee
        ? eq(supportTickets.assigneeId, input.assignee)
        : undefined,
  ];
  if (after) {
    const at = new Date(after[0]);
    conditions.push(or(lt(supportTickets.updatedAt, at), and(eq(supportTickets.updatedAt, at), lt(supportTickets.id, after[1]))));
  }
  const rows = await ctx.db
    .select()
    .from(supportTickets)
    .where(and(...conditions))
    .orderBy(desc(supportTickets.updatedAt), desc(supportTickets.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await ticketViews(ctx, page),
    nextCursor: rows.length > limit ? encodeCursor({ k: [last.updatedAt.getTime(), last.id] }) : null,
  };
}

/**
 * A reply from the requester or from staff. Staff replies mark the ticket answered and email the requester;
 * the requester's replies (re)open it and reach the assignee, or every admin while nobody is assigned.
 */
export async function replyToTicket(
  ctx: DomainContext,
  viewer: User,
  id: string,
  input: { body: string; attachments?: string[] },
): Promise<{ message: TicketMessageView; ticket: TicketView }> {
  const ticket = await ticketFor(ctx, viewer, id);
  const fromStaff = ticket.userId !== viewer.id;
  const target = { scope: "ticket", id: ticket.id } as const;
  const attachments = await requireOwnedFiles(ctx, viewer.id, input.attachments ?? [], { field: "attachments", target });
  const now = ctx.clock.now();
  const messageId = ctx.newId();
  const status: SupportStatus = fromStaff ? "answered" : "open";
  await ctx.db.batch([
    scopeFilesStatement(ctx, viewer.id, attachments, target),
    ctx.db
      .insert(supportMessages)
      .values({ id: messageId, ticketId: ticket.id, authorId: viewer.id, fromStaff, body: input.body, attachments, createdAt: now }),
    ctx.db
      .update(supportTickets)
      .set({ status, updatedAt: now, closedAt: null, assigneeId: fromStaff && !ticket.assigneeId ? viewer.id : ticket.assigneeId })
      .where(eq(supportTickets.id, ticket.id)),
    auditStatement(ctx, {
      type: fromStaff ? "support.staff_replied" : "support.user_replied",
      actorId: viewer.id,
      subjectType: "support_ticket",
      subjectId: ticket.id,
    }),
  ]);
  const excerpt = input.body.length > 300 ? `${input.body.slice(0, 300)}…` : input.body;
  if (fromStaff) {
    await notify(ctx, ticket.userId, "support_reply", {
      title: `Support replied: ${ticket.subject}`,
      body: `${viewer.name} from MegiLance support wrote: ${excerpt}`,
      link: ticketLink(ticket.id),
    });
  } else {
    await notifyAll(ctx, await staffIds(ctx, ticket), "support_reply", {
      title: `New reply on: ${ticket.subject}`,
      body: `${viewer.name} wrote: ${excerpt}`,
      link: adminLink(ticket.id),
    });
  }
  const [message] = await ctx.db.select().from(supportMessages).where(eq(supportMessages.id, messageId)).limit(1);
  const [view] = await messageViews(ctx, [message]);
  return { message: view, ticket: (await getTicket(ctx, viewer, ticket.id)).ticket };
}

/** Staff assign (to an admin, or nobody) and change the status; the requester can only close their own ticket. */
export async function updateTicket(
  ctx: DomainContext,
  viewer: User,
  id: string,
  input: { status?: SupportStatus; assigneeId?: string | null },
): Promise<{ ticket: TicketView }> {
  const ticket = await ticketFor(ctx, viewer, id);
  const staff = isStaff(viewer);
  if (!staff && (input.assigneeId !== undefined || (input.status && input.status !== "closed"))) {
    throw new AppError(403, "forbidden", "Only support staff can assign tickets or change their status, except closing your own.");
  }
  if (input.assigneeId) {
    const [assignee] = await ctx.db.select().from(users).where(eq(users.id, input.assigneeId)).limit(1);
    if (!assignee || !isStaff(assignee)) {
      throw new AppError(422, "invalid_assignee", "Tickets can only be assigned to support staff.", { assigneeId: ["Not an admin."] });
    }
  }
  const now = ctx.clock.now();
  const status = input.status ?? ticket.status;
  await ctx.db.batch([
    ctx.db
      .update(supportTickets)
      .set({
        status,
        assigneeId: input.assigneeId === undefined ? ticket.assigneeId : input.assigneeId,
        updatedAt: now,
        closedAt: status === "closed" ? (ticket.closedAt ?? now) : null,
      })
      .where(eq(supportTickets.id, ticket.id)),
    auditStatement(ctx, {
      type: "support.ticket_updated",
      actorId: viewer.id,
      subjectType: "support_ticket",
      subjectId: ticket.id,
      data: { status: input.status, assigneeId: input.assigneeId },
    }),
  ]);
  if (staff && status === "closed" && ticket.status !== "closed" && ticket.userId !== viewer.id) {
    await notify(ctx, ticket.userId, "support_reply", {
      title: `Ticket closed: ${ticket.subject}`,
      body: "Support closed your ticket. Reply on it any time to open it again.",
      link: ticketLink(ticket.id),
    });
  }
  return { ticket: (await getTicket(ctx, viewer, ticket.id)).ticket };
}

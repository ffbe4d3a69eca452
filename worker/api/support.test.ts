import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { supportMessages, supportTickets } from "../../db/schema";
import { pdfBytes } from "../test-support/images";
import { waitForMail } from "../test-support/mail";
import { callApi, createTestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);

async function uploadPdf(token: string): Promise<string> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(pdfBytes())], "receipt.pdf", { type: "application/pdf" }));
  const res = await SELF.fetch("http://localhost/api/uploads", {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { file: { key: string } }).file.key;
}

const ticketBody = { category: "payments", subject: "Payout has not arrived", description: "I requested a payout three days ago." };

describe("/api/support", () => {
  it("a user opens a ticket with an attachment, staff answer and close it, and each reply is emailed", async () => {
    const user = await createTestUser(env, { roles: ["freelancer"] });
    const admin = await createTestUser(env, { roles: ["admin"] });
    const key = await uploadPdf(user.accessToken);

    const opened = await call("POST", "/api/support/tickets", user.accessToken, { ...ticketBody, attachments: [key] });
    expect(opened.status).toBe(201);
    const id = opened.body.ticket.id;
    expect(opened.body.ticket).toMatchObject({ status: "open", category: "payments", requester: { id: user.user.id }, assignee: null });
    expect(opened.body.messages).toHaveLength(1);
    expect(opened.body.messages[0].attachments[0].key).toBe(key);
    await waitForMail(admin.user.email, "notification.support_ticket_opened");

    const mine = await call("GET", "/api/support/tickets", user.accessToken);
    expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual([id]);
    const queue = await call("GET", "/api/admin/support/tickets?status=open", admin.accessToken);
    expect(queue.body.items.map((t: { id: string }) => t.id)).toContain(id);

    const answer = await call("POST", `/api/support/tickets/${id}/messages`, admin.accessToken, {
      body: "It is on its way; it left yesterday.",
    });
    expect(answer.status).toBe(201);
    expect(answer.body.message.fromStaff).toBe(true);
    expect(answer.body.ticket).toMatchObject({ status: "answered", assignee: { id: admin.user.id } });
    const mail = await waitForMail(user.user.email, "notification.support_reply");
    expect(mail.textBody).toContain("It is on its way");

    const followUp = await call("POST", `/api/support/tickets/${id}/messages`, user.accessToken, { body: "Thanks, it arrived." });
    expect(followUp.body.ticket.status).toBe("open");
    await waitForMail(admin.user.email, "notification.support_reply");

    const closed = await call("PATCH", `/api/support/tickets/${id}`, admin.accessToken, { status: "closed" });
    expect(closed.body.ticket.status).toBe("closed");
    expect(closed.body.ticket.closedAt).not.toBeNull();
    const detail = await call("GET", `/api/support/tickets/${id}`, user.accessToken);
    expect(detail.body.messages.map((m: { body: string }) => m.body)).toEqual([
      ticketBody.description,
      "It is on its way; it left yesterday.",
      "Thanks, it arrived.",
    ]);
  });

  it("keeps tickets private and staff powers to staff, changing nothing when refused", async () => {
    const owner = await createTestUser(env, { roles: ["client"] });
    const stranger = await createTestUser(env, { roles: ["client"] });
    const { body } = await call("POST", "/api/support/tickets", owner.accessToken, ticketBody);
    const id = body.ticket.id;
    const db = createDb(env);
    const before = await db.select().from(supportTickets).where(eq(supportTickets.id, id));

    expect((await call("GET", `/api/support/tickets/${id}`, stranger.accessToken)).status).toBe(404);
    expect((await call("POST", `/api/support/tickets/${id}/messages`, stranger.accessToken, { body: "hi" })).status).toBe(404);
    expect((await call("PATCH", `/api/support/tickets/${id}`, stranger.accessToken, { status: "closed" })).status).toBe(404);
    expect((await call("GET", "/api/admin/support/tickets", owner.accessToken)).status).toBe(403);
    expect((await call("PATCH", `/api/support/tickets/${id}`, owner.accessToken, { status: "answered" })).status).toBe(403);
    expect((await call("PATCH", `/api/support/tickets/${id}`, owner.accessToken, { assigneeId: owner.user.id })).status).toBe(403);
    expect((await call("GET", "/api/support/tickets")).status).toBe(401);
    expect(await db.select().from(supportTickets).where(eq(supportTickets.id, id))).toEqual(before);
    expect(await db.select().from(supportMessages).where(eq(supportMessages.ticketId, id))).toHaveLength(1);

    // The requester may close their own ticket.
    expect((await call("PATCH", `/api/support/tickets/${id}`, owner.accessToken, { status: "closed" })).body.ticket.status).toBe("closed");
  });

  it("refuses bad input and other people's uploads without creating anything", async () => {
    const user = await createTestUser(env, { roles: ["client"] });
    const other = await createTestUser(env, { roles: ["client"] });
    const admin = await createTestUser(env, { roles: ["admin"] });
    const theirs = await uploadPdf(other.accessToken);
    expect((await call("POST", "/api/support/tickets", user.accessToken, { ...ticketBody, category: "gossip" })).status).toBe(422);
    expect((await call("POST", "/api/support/tickets", user.accessToken, { ...ticketBody, subject: "" })).status).toBe(422);
    const stolen = await call("POST", "/api/support/tickets", user.accessToken, { ...ticketBody, attachments: [theirs] });
    expect(stolen.status).toBe(422);
    expect(stolen.body.error.fields.attachments).toBeDefined();
    expect((await call("GET", "/api/support/tickets", user.accessToken)).body.items).toEqual([]);

    const { body } = await call("POST", "/api/support/tickets", user.accessToken, ticketBody);
    const assign = await call("PATCH", `/api/support/tickets/${body.ticket.id}`, admin.accessToken, { assigneeId: user.user.id });
    expect(assign.status).toBe(422);
    const ok = await call("PATCH", `/api/support/tickets/${body.ticket.id}`, admin.accessToken, { assigneeId: admin.user.id });
    expect(ok.body.ticket.assignee.id).toBe(admin.user.id);
    const mineAssigned = await call("GET", "/api/admin/support/tickets?assignee=me", admin.accessToken);
    expect(mineAssigned.body.items.map((t: { id: string }) => t.id)).toEqual([body.ticket.id]);
  });

  it("pages through tickets", async () => {
    const user = await createTestUser(env, { roles: ["client"] });
    for (let i = 0; i < 3; i++) await call("POST", "/api/support/tickets", user.accessToken, { ...ticketBody, subject: `Question ${i}` });
    const first = await call("GET", "/api/support/tickets?limit=2", user.accessToken);
    expect(first.body.items).toHaveLength(2);
    const second = await call("GET", `/api/support/tickets?limit=2&cursor=${first.body.nextCursor}`, user.accessToken);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const subjects = [...first.body.items, ...second.body.items].map((t: { subject: string }) => t.subject).sort();
    expect(subjects).toEqual(["Question 0", "Question 1", "Question 2"]);
  });
});

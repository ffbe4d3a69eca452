import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { proposals } from "./marketplace-projects";
import { PROPOSAL_EVENT_TYPES } from "./values";

/** A proposal's status history, shown to its freelancer; what happens after the hire lives in contract_events. */
export const proposalEvents = sqliteTable(
  "proposal_events",
  {
    id: idColumn(),
    proposalId: text("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    type: text("type", { enum: PROPOSAL_EVENT_TYPES }).notNull(),
    actorId: text("actor_id"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("proposal_events_proposal_idx").on(t.proposalId, t.createdAt, t.id)],
);

export type ProposalEvent = typeof proposalEvents.$inferSelect;

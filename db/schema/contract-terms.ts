import { integer, text } from "drizzle-orm/sqlite-core";
import { CONTRACT_TYPES } from "./values";

/**
 * The contracts area's columns on the `contracts` table (spread into its definition in marketplace-projects.ts).
 * `type` and `hourlyRate` are null on a fresh offer: the terms then follow the project's budget type and the
 * proposal's bid (see worker/domain/contract-core/terms.ts). `version` is bumped by every contract or money
 * change; a trigger refuses a write computed from a stale version (migrations/*_money_guards.sql).
 */
export function contractTermsColumns() {
  return {
    /** The offer's title as the client wrote it (null on offers made by accepting a proposal: the project's title). */
    title: text("title"),
    /** The client's message that came with the offer. */
    offerMessage: text("offer_message"),
    type: text("type", { enum: CONTRACT_TYPES }),
    hourlyRate: integer("hourly_rate"),
    weeklyHourLimit: integer("weekly_hour_limit"),
    /** A calendar date, YYYY-MM-DD. */
    startDate: text("start_date"),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endedBy: text("ended_by"),
    endReason: text("end_reason"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(0),
  };
}

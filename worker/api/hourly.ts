import { z } from "@hono/zod-openapi";
import { PAYMENT_PROVIDERS } from "../../db/schema";
import { addManualEntry, deleteEntry, listEntries, updateEntry } from "../domain/hourly/entries";
import { approveTimesheet } from "../domain/hourly/approve";
import { entryChangeInput, entryMemo, manualEntryInput, requireWeek, timesheetDisputeReason, weekInput } from "../domain/hourly/inputs";
import { startTimer, stopTimer } from "../domain/hourly/timer";
import { disputeTimesheet, listTimesheets, submitTimesheet, timesheetForParty, toTimesheetView } from "../domain/hourly/timesheets";
import { idParams, markReplay, optionalJson } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import {
  timeEntriesPageSchema,
  timeEntryViewSchema,
  timerStopSchema,
  timesheetApprovalSchema,
  timesheetsPageSchema,
  timesheetViewSchema,
} from "../domain/hourly/view-schema";

const entryAnswer = z.object({ entry: timeEntryViewSchema });
const timesheetAnswer = z.object({ timesheet: timesheetViewSchema });
const tags = ["hourly"];
const errors = [403, 404, 409, 422];

const weekSchema = weekInput;

const entryBody = manualEntryInput;
const entryPatch = entryChangeInput;
const timerBody = z.object({ memo: entryMemo.nullable().optional() });
const entriesQuery = z.object({
  week: weekSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(64).optional(),
});
const sheetsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(64).optional(),
});
const weekParams = z.object({ id: z.string().min(1).max(64), week: weekSchema });
const approveBody = z.object({ provider: z.enum(PAYMENT_PROVIDERS).optional() });
const disputeBody = z.object({ reason: timesheetDisputeReason });

const weekOf = (value: string | undefined): string | undefined => (value === undefined ? undefined : requireWeek(value));

/** Time entries, the timer and weekly timesheets of hourly contracts (docs/decisions/015). */
export const hourlyRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/contracts/{id}/time-entries",
      tags,
      auth: true,
      summary: "Log time by hand: {date, minutes, memo} (freelancer, active hourly contract, within the weekly limit)",
      params: idParams,
      body: entryBody,
      ok: { status: 201, description: "{entry}", schema: entryAnswer },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ entry: await addManualEntry(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")) }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/contracts/{id}/time-entries",
      tags,
      auth: true,
      summary: "One week's time entries (default: this ISO week, UTC), newest first, with the week's total and remaining hours",
      params: idParams,
      query: entriesQuery,
      ok: {
        status: 200,
        description:
          "{items, nextCursor, week, runningTimer (with stopsAt: when it stops itself at the weekly limit), timerNotice, logNext (where time goes once this week is submitted)}",
        schema: timeEntriesPageSchema,
      },
      errors: [404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const query = c.req.valid("query");
      return c.json(
        await listEntries(c.get("domain"), viewer.user.id, c.req.valid("param").id, { ...query, week: weekOf(query.week) }),
        200,
      );
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/contracts/{id}/timer/start",
      tags,
      auth: true,
      summary: "Start the timer (freelancer; optional body {memo}); one timer per contract",
      params: idParams,
      ok: { status: 201, description: "{entry}", schema: entryAnswer },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const body = await optionalJson(c, timerBody);
      return c.json({ entry: await startTimer(c.get("domain"), viewer.user, c.req.valid("param").id, body) }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/contracts/{id}/timer/stop",
      tags,
      auth: true,
      summary:
        "Stop the timer (freelancer; optional body {memo}); it stops itself at the weekly limit, and {notice} explains time not recorded as it ran",
      params: idParams,
      ok: { status: 200, description: "{entry, elapsedMinutes, capped, stoppedAtLimit, notice}", schema: timerStopSchema },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const body = await optionalJson(c, timerBody);
      return c.json(await stopTimer(c.get("domain"), viewer.user, c.req.valid("param").id, body), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/time-entries/{id}",
      tags,
      auth: true,
      summary: "Change a time entry while its week is not submitted (freelancer)",
      params: idParams,
      body: entryPatch,
      ok: { status: 200, description: "{entry}", schema: entryAnswer },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ entry: await updateEntry(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/time-entries/{id}",
      tags,
      auth: true,
      summary: "Delete a time entry while its week is not submitted (freelancer)",
      params: idParams,
      ok: { status: 204, description: "No content" },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      await deleteEntry(c.get("domain"), viewer.user, c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/contracts/{id}/timesheets",
      tags,
      auth: true,
      summary: "The contract's weekly timesheets, newest week first (contract parties)",
      params: idParams,
      query: sheetsQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: timesheetsPageSchema },
      errors: [404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await listTimesheets(c.get("domain"), viewer.user.id, c.req.valid("param").id, c.req.valid("query")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/contracts/{id}/timesheets/{week}/submit",
      tags,
      auth: true,
      summary: "Submit a week's time to the client (freelancer); the week's entries lock. {week}: Monday date or ISO week",
      params: weekParams,
      ok: { status: 200, description: "{timesheet}", schema: timesheetAnswer },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { id, week } = c.req.valid("param");
      return c.json({ timesheet: await submitTimesheet(c.get("domain"), viewer.user, id, weekOf(week) as string) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/timesheets/{id}",
      tags,
      auth: true,
      summary: "One timesheet (contract parties)",
      params: idParams,
      ok: { status: 200, description: "{timesheet}", schema: timesheetAnswer },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { sheet } = await timesheetForParty(c.get("domain"), c.req.valid("param").id, viewer.user.id);
      return c.json({ timesheet: toTimesheetView(sheet) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/timesheets/{id}/approve",
      tags,
      auth: true,
      summary:
        "Approve a submitted week (client; verified email): hours × rate is charged and paid to the freelancer less the fee, once. Optional body {provider}",
      params: idParams,
      ok: { status: 200, description: "{timesheet, settlement}", schema: timesheetApprovalSchema },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const body = await optionalJson(c, approveBody);
      const result = await approveTimesheet(c.get("domain"), viewer.user, c.req.valid("param").id, body);
      markReplay(c, result.replayed);
      return c.json({ timesheet: result.timesheet, settlement: result.settlement }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/timesheets/{id}/dispute",
      tags,
      auth: true,
      summary: "Dispute a submitted week with a reason (client): it goes back to the freelancer to correct and resubmit",
      params: idParams,
      body: disputeBody,
      ok: { status: 200, description: "{timesheet}", schema: timesheetAnswer },
      errors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ timesheet: await disputeTimesheet(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")) }, 200);
    },
  );

import { data } from "@remix-run/cloudflare";
import type { z } from "zod";
import { fieldErrorsOf } from "../../worker/domain/shared/validate";
import { zonedWallTimeToDate } from "../../worker/domain/time/zoned";
import { AppError } from "./domain.server";
import { messageOf } from "./forms.server";
import { statedTimeZone } from "./time-zone.server";

export type MeetingFormErrors = { formError?: string; fields?: Record<string, string[]> };

/**
 * A meeting form's fields for the domain's schema: the date and time typed in the viewer's zone become an ISO
 * instant, and the zone goes along so the other side sees it.
 */
export function meetingFields(request: Request, form: FormData, user: { timeZone: string | null }): Record<string, unknown> {
  const zone = statedTimeZone(request, user);
  const start = zonedWallTimeToDate(String(form.get("start") ?? ""), zone);
  return {
    title: form.get("title") ?? undefined,
    startsAt: start ? start.toISOString() : String(form.get("start") ?? ""),
    durationMinutes: form.get("durationMinutes") ?? undefined,
    timeZone: zone ?? undefined,
  };
}

/** Zod issues as field errors (`start` is the form's name of `startsAt`). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  return fieldErrorsOf(error, "form");
}

/** A domain refusal as the form shows it. */
export function meetingFormError(error: unknown) {
  if (!(error instanceof AppError)) throw error;
  if (error.status === 404) throw new Response(error.message, { status: 404 });
  return data<MeetingFormErrors>({ formError: messageOf(error), fields: error.fields }, { status: error.status });
}

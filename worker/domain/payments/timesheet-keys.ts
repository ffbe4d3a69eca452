/** The stored key of a week's charge (payments) and of its release (ledger): one of each per timesheet, ever. */
export const timesheetKey = (timesheetId: string) => `timesheet:${timesheetId}`;

/** A payment that charges an approved week of hours (not a milestone the client funds ahead of the work). */
export function isTimesheetCharge(payment: { idempotencyKey: string }): boolean {
  return payment.idempotencyKey.startsWith("timesheet:");
}

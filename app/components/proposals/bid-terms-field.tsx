import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { BudgetType } from "../../../db/schema/values";
import { MAX_ESTIMATED_DAYS, MAX_WEEKLY_HOURS_BID, MIN_WEEKLY_HOURS } from "../../../worker/domain/proposals/input";
import { Field } from "../ui/field";

/** A number field of either proposal form (their schemas differ by budget type). */
type NumberField = FieldMetadata<any, any, string[]>;

/** What a bid offers besides its amount: hours a week on an hourly project, days on a fixed-price one. */
export function BidTermsField({
  budgetType,
  fields,
}: {
  budgetType: BudgetType;
  fields: { estimatedDays: NumberField; weeklyHours: NumberField };
}) {
  if (budgetType === "hourly") {
    return (
      <Field
        label="Hours per week"
        hint={`How many hours a week you can give this project (${MIN_WEEKLY_HOURS}–${MAX_WEEKLY_HOURS_BID}).`}
        errors={fields.weeklyHours.errors}
        inputProps={{ ...getInputProps(fields.weeklyHours, { type: "number" }), min: MIN_WEEKLY_HOURS, max: MAX_WEEKLY_HOURS_BID }}
      />
    );
  }
  return (
    <Field
      label="Estimated days"
      errors={fields.estimatedDays.errors}
      inputProps={{ ...getInputProps(fields.estimatedDays, { type: "number" }), min: 1, max: MAX_ESTIMATED_DAYS }}
    />
  );
}

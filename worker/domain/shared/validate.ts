import type { z } from "zod";
import { AppError, type FieldErrors } from "../errors";

/** Zod's issues as the house's field errors: each message under its field's dotted path (`_` for the whole input). */
export function fieldErrorsOf(error: z.ZodError, whole = "_"): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || whole] ??= []).push(issue.message);
  return fields;
}

/** The 422 for input that broke its rules, field by field. */
export function invalidFields(fields: FieldErrors): AppError {
  return new AppError(422, "validation_failed", "Some fields are not valid.", fields);
}

/** The 422 for input that broke its schema. */
export function invalidInput(error: z.ZodError): AppError {
  return invalidFields(fieldErrorsOf(error));
}

/** Parses domain input with the same zod schema the API documents; problems become a 422 with fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(result.error);
}

/** A change (a PATCH body) that names at least one field; the message for a change that names none. */
export const changesSomething = (change: Record<string, unknown>) => Object.values(change).some((value) => value !== undefined);
export const NOTHING_TO_CHANGE = { message: "Change at least one field." };

export function fieldError(field: string, message: string, code = "validation_failed"): AppError {
  return new AppError(422, code, message, { [field]: [message] });
}

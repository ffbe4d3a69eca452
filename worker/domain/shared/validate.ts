import type { z } from "zod";
import { AppError, type FieldErrors } from "../errors";

/** Parses domain input with the same zod schema the API documents; problems become a 422 with fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) (fields[issue.path.join(".") || "_"] ??= []).push(issue.message);
  throw new AppError(422, "validation_failed", "Some fields are not valid.", fields);
}

export function fieldError(field: string, message: string, code = "validation_failed"): AppError {
  return new AppError(422, code, message, { [field]: [message] });
}

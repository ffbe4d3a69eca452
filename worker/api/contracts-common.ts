import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppError } from "../domain/errors";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "../domain/ledger/idempotency";
import { parseInput } from "../domain/shared/validate";
import type { ApiEnv } from "./context";

export { amountSchema, dateSchema } from "../domain/contracts/input";

export const idParams = z.object({ id: z.string().min(1).max(64) });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(64).optional(),
});

const KEY_PATTERN = /^[\x21-\x7e]+$/;

/** The optional `Idempotency-Key` header of a money POST: a retry with the same key returns the first result. */
export function idempotencyKeyOf(c: Context<ApiEnv>): string | null {
  const key = c.req.header("Idempotency-Key")?.trim();
  if (!key) return null;
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_PATTERN.test(key)) {
    throw new AppError(
      422,
      "invalid_idempotency_key",
      `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters.`,
    );
  }
  return key;
}

/** Marks an answer to a retried request, as payment APIs customarily do. */
export function markReplay(c: Context<ApiEnv>, replayed: boolean): void {
  if (replayed) c.header("Idempotent-Replayed", "true");
}

/** A JSON body that may be left out entirely (no body, or an empty one): validated when present. */
export async function optionalJson<T extends z.ZodType>(c: Context<ApiEnv>, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError(400, "bad_request", "The request body is not valid JSON.");
    }
  }
  return parseInput(schema, raw);
}

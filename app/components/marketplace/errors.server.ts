import { AppError } from "../../../worker/domain/errors";

/** Loaders: a domain refusal (404, 403, bad cursor) becomes the route's error page with its message. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

import type { HranaErrorBody } from "./protocol";

/** An error reported to the client inside a Hrana result, never as an HTTP failure. */
export class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const PRIMARY_CODES = [
  "SQLITE_OK",
  "SQLITE_ERROR",
  "SQLITE_INTERNAL",
  "SQLITE_PERM",
  "SQLITE_ABORT",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_NOMEM",
  "SQLITE_READONLY",
  "SQLITE_INTERRUPT",
  "SQLITE_IOERR",
  "SQLITE_CORRUPT",
  "SQLITE_NOTFOUND",
  "SQLITE_FULL",
  "SQLITE_CANTOPEN",
  "SQLITE_PROTOCOL",
  "SQLITE_EMPTY",
  "SQLITE_SCHEMA",
  "SQLITE_TOOBIG",
  "SQLITE_CONSTRAINT",
  "SQLITE_MISMATCH",
  "SQLITE_MISUSE",
  "SQLITE_NOLFS",
  "SQLITE_AUTH",
  "SQLITE_FORMAT",
  "SQLITE_RANGE",
  "SQLITE_NOTADB",
  "SQLITE_NOTICE",
  "SQLITE_WARNING",
] as const;

interface SqliteErrorLike {
  message: string;
  code: string;
  rawCode?: number;
}

export function isSqliteError(error: unknown): error is SqliteErrorLike {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_");
}

/**
 * The primary result code (`SQLITE_CONSTRAINT`, not `SQLITE_CONSTRAINT_PRIMARYKEY`), as the libSQL server
 * reports it, so code that checks `error.code` behaves the same locally and against Turso.
 */
function primaryCode(error: SqliteErrorLike): string {
  if (typeof error.rawCode === "number") {
    const code = PRIMARY_CODES[error.rawCode & 0xff];
    if (code) return code;
  }
  return PRIMARY_CODES.find((code) => error.code === code || error.code.startsWith(`${code}_`)) ?? error.code;
}

export function toHranaError(error: unknown): HranaError {
  if (error instanceof HranaError) return error;
  if (isSqliteError(error)) return new HranaError(error.message, primaryCode(error));
  const message = error instanceof Error ? error.message : String(error);
  return new HranaError(message, "INTERNAL_ERROR");
}

export function errorBody(error: unknown): HranaErrorBody {
  const e = toHranaError(error);
  return { message: e.message, code: e.code };
}

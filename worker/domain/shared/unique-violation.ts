/** True when a database error (or one of its causes) is a UNIQUE failure on `column` ("table.column"). */
export function isUniqueViolation(error: unknown, column: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message.includes("UNIQUE constraint failed") && message.includes(column)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

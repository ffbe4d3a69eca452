/** Does a five-field cron expression (minute hour day month weekday, UTC) match this minute? */
export function cronMatches(expression: string, at: Date): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`Unsupported cron expression: ${expression}`);
  const values = [at.getUTCMinutes(), at.getUTCHours(), at.getUTCDate(), at.getUTCMonth() + 1, at.getUTCDay()];
  return fields.every((field, i) => fieldMatches(field, values[i]));
}

function fieldMatches(field: string, value: number): boolean {
  return field.split(",").some((part) => {
    const [range, stepText] = part.split("/");
    const step = stepText ? Number(stepText) : 1;
    if (range === "*") return value % step === 0;
    const [lo, hi] = range.split("-").map(Number);
    const high = hi ?? (stepText ? Number.MAX_SAFE_INTEGER : lo);
    return value >= lo && value <= high && (value - lo) % step === 0;
  });
}

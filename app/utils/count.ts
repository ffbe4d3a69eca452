/** A count that may have been capped (the server stops counting past a limit): "1,000+" then, "12" otherwise. */
export function formatCount(value: number, capped = false): string {
  return `${value.toLocaleString("en-US")}${capped ? "+" : ""}`;
}

/** "1 project", "12 projects", "1,000+ projects". */
export function formatCounted(value: number, capped: boolean, one: string, many: string): string {
  return `${formatCount(value, capped)} ${value === 1 && !capped ? one : many}`;
}

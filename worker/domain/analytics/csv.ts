/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; CRLF line ends. */
export function toCsv(rows: (string | number | null)[][]): string {
  const field = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    // A leading =, +, - or @ would run as a formula in spreadsheets; prefix it so it stays text.
    const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

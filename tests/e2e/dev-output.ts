/**
 * Reads what `npm run dev` printed and returns the lines a newcomer would take for trouble: errors,
 * warnings, red text, stack traces and runtime traces. ALLOWED lists the few we do not cause, each
 * with its reason; everything else is ours to fix.
 */
const ALLOWED: { pattern: RegExp; reason: string }[] = [];

// Colour codes: red or yellow text, or a red or yellow background.
// eslint-disable-next-line no-control-regex -- the escape character starts every colour code
const RED_OR_YELLOW = /\x1b\[(?:\d+;)*(?:31|33|41|43|91|93)m/;
const TROUBLE = [
  RED_OR_YELLOW,
  /\[(?:ERROR|WARNING|WARN)\]/i,
  /[✘▲]/,
  /^\s*\(!\)/, // Rollup warnings
  /^\s*(?:npm )?(?:warn|warning|error)\b/i,
  /\b(?:Error|Warning|Exception):/,
  /Generated an empty chunk/i,
  /kj\/|Broken pipe|workerd\/|Uncaught/,
  /^\s+at .+:\d+:\d+\)?$/, // a stack frame
];

// eslint-disable-next-line no-control-regex
const stripColour = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, "");

export function problemLines(output: string): string[] {
  return output
    .split(/\r?\n/)
    .filter((line) => TROUBLE.some((pattern) => pattern.test(line)))
    .map(stripColour)
    .filter((line) => !ALLOWED.some(({ pattern }) => pattern.test(line)));
}

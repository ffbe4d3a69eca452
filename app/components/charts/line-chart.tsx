import { useId } from "react";

export interface ChartSeries {
  label: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 56 };
/** Stroke colours that read in both themes; the legend and the table below name each series too. */
const COLOURS = ["stroke-brand-500", "stroke-amber-500", "stroke-emerald-500", "stroke-rose-500"];
const SWATCHES = ["bg-brand-500", "bg-amber-500", "bg-emerald-500", "bg-rose-500"];

/** Round numbers for the value axis: 0 and up to four steps to just above the maximum. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const result: number[] = [];
  for (let v = 0; v <= max + step / 2 && result.length < 6; v += step) result.push(v);
  if (result[result.length - 1] < max) result.push(result[result.length - 1] + step);
  return result;
}

/**
 * A line chart over days as inline SVG: accessible (named image with a text summary), readable in light and
 * dark themes (colours from the theme, text in the current colour), with the numbers in a table beside it.
 */
export function LineChart({
  title,
  days,
  series,
  format = (n) => n.toLocaleString("en-US"),
}: {
  title: string;
  days: string[];
  series: ChartSeries[];
  format?: (n: number) => string;
}) {
  const id = useId();
  const all = series.flatMap((s) => s.values);
  const axis = ticks(Math.max(0, ...all));
  const top = axis[axis.length - 1] || 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (days.length <= 1 ? plotW / 2 : (i * plotW) / (days.length - 1));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(days.length / 6));
  const summary = series
    .map((s) => {
      const total = s.values.reduce((a, b) => a + b, 0);
      const peak = Math.max(0, ...s.values);
      return `${s.label}: total ${format(total)}, highest day ${format(peak)}`;
    })
    .join("; ");
  return (
    <figure className="space-y-2">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full overflow-visible text-[var(--text-muted)]"
      >
        <desc id={`${id}-desc`}>{`${days[0] ?? ""} to ${days[days.length - 1] ?? ""}. ${summary}.`}</desc>
        {axis.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="stroke-[var(--border)]" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {format(v)}
            </text>
          </g>
        ))}
        {days.map((day, i) =>
          i % labelEvery === 0 || i === days.length - 1 ? (
            <text key={day} x={x(i)} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill="currentColor">
              {day.slice(5)}
            </text>
          ) : null,
        )}
        {series.map((s, n) => (
          <g key={s.label} className={COLOURS[n % COLOURS.length]}>
            <polyline fill="none" strokeWidth={2.5} strokeLinejoin="round" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
            {days.length <= 31
              ? s.values.map((v, i) => <circle key={i} cx={x(i)} cy={y(v)} r={2.5} className="fill-[var(--surface)]" strokeWidth={2} />)
              : null}
          </g>
        ))}
      </svg>
      {series.length > 1 ? (
        <ul className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
          {series.map((s, n) => (
            <li key={s.label} className="flex items-center gap-2">
              <span className={`inline-block h-2 w-4 rounded ${SWATCHES[n % SWATCHES.length]}`} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
